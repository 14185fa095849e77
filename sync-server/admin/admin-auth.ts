import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { newId } from '../../src-shared/id';
import { LoginRequest, type LoginResponse } from '../../src-shared/sync/admin-api';
import type { Db } from '../db/connect';
import { ApiError } from '../http/errors';
import { bearerToken, newSecret, sha256 } from '../sync/terminal-auth';
import { hashPassword, verifyPassword } from './passwords';

const SESSION_HOURS = 12;
export const OWNER_USERNAME = 'owner';

/**
 * First start: create the owner account with SYNC_ADMIN_PASSWORD, or with a random password
 * printed once to stderr (never to the log file, never stored in plain text). `ON CONFLICT DO
 * NOTHING` lets two instances start at once; only the one that created it prints.
 */
export async function ensureOwner(db: Db, password: string | undefined, log: FastifyBaseLogger): Promise<void> {
  const existing = await db.selectFrom('admin_accounts').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const chosen = password ?? randomBytes(15).toString('base64url');
  const created = await db.insertInto('admin_accounts')
    .values({ id: newId(), username: OWNER_USERNAME, password_hash: await hashPassword(chosen), role: 'owner' })
    .onConflict((oc) => oc.column('username').doNothing()).returning('id').executeTakeFirst();
  if (!created) return;
  log.info({ username: OWNER_USERNAME }, 'created the owner account');
  if (!password) process.stderr.write(`\nsync-server: owner account created. user: ${OWNER_USERNAME}  one-time password: ${chosen}\n\n`);
}

/** A fixed hash to verify against for unknown users, so the answer takes the same time. */
let dummyHash: Promise<string> | undefined;

export function registerAdminAuth(app: FastifyInstance, db: Db, authRateLimit: { max: number; timeWindow: number }): void {
  app.post('/api/v1/login', { bodyLimit: 16 * 1024, config: { rateLimit: authRateLimit } }, async (request): Promise<LoginResponse> => {
    const body = LoginRequest.parse(request.body);
    const account = await db.selectFrom('admin_accounts').select(['id', 'password_hash']).where('username', '=', body.username).executeTakeFirst();
    dummyHash ??= hashPassword(newSecret());
    const ok = await verifyPassword(body.password, account?.password_hash ?? (await dummyHash));
    if (!account || !ok) throw new ApiError('UNAUTHENTICATED', 'wrong user name or password');
    const token = newSecret();
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
    await db.insertInto('admin_sessions').values({ token_hash: sha256(token), account_id: account.id, expires_at: expiresAt }).execute();
    await db.deleteFrom('admin_sessions').where('expires_at', '<', sql<Date>`now()`).execute();
    return { token, expiresAt: expiresAt.toISOString() };
  });
}

/** Sessions live in the database, so any server instance accepts them. */
export async function requireAdmin(db: Db, request: FastifyRequest): Promise<{ accountId: string }> {
  const token = bearerToken(request);
  if (!token) throw new ApiError('UNAUTHENTICATED', 'missing "Authorization: Bearer <session token>"; POST /api/v1/login first');
  const session = await db.selectFrom('admin_sessions').select('account_id')
    .where('token_hash', '=', sha256(token)).where('expires_at', '>', sql<Date>`now()`).executeTakeFirst();
  if (!session) throw new ApiError('UNAUTHENTICATED', 'session unknown or expired; log in again');
  return { accountId: session.account_id };
}
