import type BetterSqlite3 from 'better-sqlite3';
import type { CanonicalValue } from '../../../src-shared/audit/canonical-json';
import type { AuditVerification, ChainCheck } from '../../../src-shared/domain/audit';
import { auditEntryHash, GENESIS_HASH } from './audit-log';
import { saleChainHash } from './sale-chain';

type Row = Record<string, unknown>;

const broken = (checked: number, at: string, reason: string): ChainCheck => ({ ok: false, checked, firstBroken: { at, reason } });

/** Walks the audit log in `seq` order: numbers 1..n without gaps, each link and hash recomputed. */
export function verifyAuditChain(sqlite: BetterSqlite3.Database): ChainCheck {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (const row of sqlite.prepare('SELECT * FROM audit_entry ORDER BY seq').iterate() as Iterable<Row>) {
    const seq = Number(row.seq);
    const at = `audit entry ${seq} (${String(row.action)})`;
    if (seq !== expectedSeq) return broken(checked, `audit entry ${expectedSeq}`, `entry ${expectedSeq} is missing (next is ${seq})`);
    if (row.prev_hash !== prev) return broken(checked, at, 'its previous-hash does not match the entry before it');
    let details: CanonicalValue;
    try {
      details = JSON.parse(String(row.details_json)) as CanonicalValue;
    } catch {
      return broken(checked, at, 'its details are not valid JSON');
    }
    const hash = auditEntryHash({
      seq, id: String(row.id), at: String(row.at), actorId: (row.actor_id as string | null) ?? null, action: String(row.action), details, prevHash: prev,
    });
    if (hash !== row.hash) return broken(checked, at, 'its content does not match its hash (changed after it was written)');
    prev = hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked, firstBroken: null };
}

/**
 * Walks the sale chain in `sale_seal.seq` order, recomputing each sale's hash from its rows, and
 * checks that no sale made after sealing began is missing its seal (a sale inserted by hand).
 * Sales older than the first seal (made before migration 0004) are outside the chain.
 */
export function verifySaleChain(sqlite: BetterSqlite3.Database): ChainCheck {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  const saleById = sqlite.prepare('SELECT * FROM sale WHERE id = ?');
  const linesOf = sqlite.prepare('SELECT * FROM sale_line WHERE sale_id = ? ORDER BY position');
  const paymentsOf = sqlite.prepare('SELECT * FROM payment WHERE sale_id = ? ORDER BY id');
  for (const seal of sqlite.prepare('SELECT * FROM sale_seal ORDER BY seq').all() as Row[]) {
    const seq = Number(seal.seq);
    const sale = saleById.get(seal.sale_id) as Row | undefined;
    const at = `sale ${sale ? String(sale.receipt_no) : String(seal.sale_id)} (chain link ${seq})`;
    if (seq !== expectedSeq) return broken(checked, `sale chain link ${expectedSeq}`, `link ${expectedSeq} is missing (next is ${seq})`);
    if (!sale) return broken(checked, at, 'the sale of this link is gone');
    if (seal.prev_hash !== prev) return broken(checked, at, 'its previous-hash does not match the sale before it');
    const hash = saleChainHash(sale, linesOf.all(seal.sale_id) as Row[], paymentsOf.all(seal.sale_id) as Row[], {
      seq, shiftId: (seal.shift_id as string | null) ?? null, cashierId: (seal.cashier_id as string | null) ?? null, prevHash: prev,
    });
    if (hash !== seal.hash) return broken(checked, at, 'its sale, lines or payments do not match its hash (changed after the sale)');
    prev = hash;
    expectedSeq += 1;
    checked += 1;
  }
  const unsealed = sqlite.prepare(`SELECT receipt_no FROM sale WHERE id NOT IN (SELECT sale_id FROM sale_seal)
    AND rowid > (SELECT min(sale.rowid) FROM sale JOIN sale_seal ON sale_seal.sale_id = sale.id) ORDER BY rowid LIMIT 1`).get() as { receipt_no: string } | undefined;
  if (unsealed) return broken(checked, `sale ${unsealed.receipt_no}`, 'this sale is not in the chain (added outside the till)');
  return { ok: true, checked, firstBroken: null };
}

export function verifyChains(sqlite: BetterSqlite3.Database): Promise<AuditVerification> {
  const audit = verifyAuditChain(sqlite);
  const sales = verifySaleChain(sqlite);
  return Promise.resolve({ ok: audit.ok && sales.ok, audit, sales });
}
