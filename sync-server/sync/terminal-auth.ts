import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../../src-shared/sync/protocol';
import type { Db } from '../db/connect';
import { ApiError } from '../http/errors';

/**
 * Device credentials are 32 random bytes (256 bits). They are stored as SHA-256, not scrypt: a
 * slow, salted hash protects low-entropy secrets (passwords, PINs) against guessing, but nobody
 * can enumerate 2^256 tokens, and a fast unsalted hash lets every request find its terminal with
 * one indexed lookup (the approach of GitHub's and Stripe's API tokens).
 */
export const newSecret = (): string => randomBytes(32).toString('base64url');
export const sha256 = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

export interface AuthenticatedTerminal {
  id: string;
  storeId: string;
  code: string;
  installEpoch: number;
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([A-Za-z0-9_\-.~+/=]{16,200})$/.exec(header) : null;
  return match?.[1];
}

/** Checked on every request, so a revocation takes effect at once. */
export async function authenticateTerminal(db: Db, request: FastifyRequest): Promise<AuthenticatedTerminal> {
  const token = bearerToken(request);
  if (!token) throw new ApiError('UNAUTHENTICATED', 'missing "Authorization: Bearer <device credential>"');
  const row = await db.selectFrom('terminals')
    .select(['id', 'store_id', 'code', 'install_epoch', 'revoked_at'])
    .where('credential_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row) throw new ApiError('UNAUTHENTICATED', 'unknown device credential; enroll this terminal again');
  if (row.revoked_at) throw new ApiError('REVOKED', `terminal ${row.code} was revoked; ask the central office to enroll it again`);
  return { id: row.id, storeId: row.store_id, code: row.code, installEpoch: row.install_epoch };
}

/** Checked before the schema so an old or future terminal gets a clear answer, not a field list. */
export function checkProtocol(body: unknown): void {
  const version = typeof body === 'object' && body !== null && 'protocol' in body ? body.protocol : undefined;
  if (typeof version === 'number' && !(SUPPORTED_PROTOCOL_VERSIONS as readonly number[]).includes(version)) {
    throw new ApiError('UNSUPPORTED_PROTOCOL', `protocol ${version} is not supported; this server speaks ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}`);
  }
}

export function sameTerminal(terminal: AuthenticatedTerminal, terminalId: string): void {
  if (terminalId !== terminal.id) {
    throw new ApiError('FORBIDDEN', `this credential belongs to terminal ${terminal.code} (${terminal.id}); it cannot act for terminal ${terminalId}`);
  }
}
