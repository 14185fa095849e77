import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { canonicalJson, type CanonicalValue } from '../../../src-shared/audit/canonical-json';
import type { AuditEntry } from '../../../src-shared/domain/audit';
import type { LocalStore } from '../db/local-store';
import type { Database } from '../db/schema';
import type { Clock, IdGenerator } from '../deps';
import type { TerminalIdentity } from '../settings/terminal-identity';
import { appendFact } from './facts';

/** The `prev_hash` of the first entry of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

export type AuditDetails = { readonly [key: string]: CanonicalValue | undefined };

export interface AuditInput {
  action: string;
  /** The person at the till (null when nobody is signed in and the store allows that). */
  actorId: string | null;
  details: AuditDetails;
}

/**
 * SHA-256 (hex) over the canonical JSON of everything the entry says plus the previous hash, so
 * changing, inserting, deleting or reordering any entry breaks every hash after it.
 */
export function auditEntryHash(entry: { seq: number; id: string; at: string; actorId: string | null; action: string; details: CanonicalValue; prevHash: string }): string {
  return createHash('sha256').update(canonicalJson(entry)).digest('hex');
}

export interface AuditLog {
  /** Appends inside the caller's transaction (the entry commits with the change it records). */
  append(trx: Transaction<Database>, input: AuditInput): Promise<AuditEntry>;
  /** Appends in a transaction of its own (sign-in failures, lockouts: nothing else to commit). */
  record(input: AuditInput): Promise<AuditEntry>;
}

/**
 * The append-only, hash-chained audit log (ARCHITECTURE.md §7). Numbers are gap-free: `seq` is
 * the last one plus one inside the writing transaction, which SQLite serialises. Each entry also
 * goes to the outbox as an `audit.recorded` fact so the centre keeps a copy it can verify.
 */
export function createAuditLog(deps: { local: LocalStore; clock: Clock; ids: IdGenerator; identity: TerminalIdentity }): AuditLog {
  const { local, clock, ids, identity } = deps;

  async function append(trx: Transaction<Database>, input: AuditInput): Promise<AuditEntry> {
    const last = await trx.selectFrom('audit_entry').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const id = ids.next();
    const at = clock.now().toISOString();
    const detailsJson = canonicalJson(input.details);
    const details = JSON.parse(detailsJson) as CanonicalValue;
    const hash = auditEntryHash({ seq, id, at, actorId: input.actorId, action: input.action, details, prevHash });
    await trx.insertInto('audit_entry').values({
      seq, id, at, actor_id: input.actorId, action: input.action, details_json: detailsJson, prev_hash: prevHash, hash,
    }).execute();
    const entry: AuditEntry = { seq, id, at, actorId: input.actorId, action: input.action, details: details as Record<string, unknown>, prevHash, hash };
    await appendFact(trx, ids, identity, 'audit.recorded', at, { entry });
    return entry;
  }

  return {
    append,
    record: (input) => local.withTransaction((trx) => append(trx, input)),
  };
}
