import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { canonicalJson, type CanonicalValue } from '../../../src-shared/audit/canonical-json';
import type { LocalStore } from '../db/local-store';
import { GENESIS_HASH } from './audit-log';

type Row = Record<string, unknown>;

/** A row as hashed: every column but nulls (so a later nullable column leaves old hashes valid). */
function hashedRow(row: Row): Record<string, CanonicalValue> {
  const out: Record<string, CanonicalValue> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
    else if (typeof value === 'bigint') out[key] = value.toString();
    else if (Buffer.isBuffer(value)) out[key] = value.toString('base64');
    else throw new TypeError(`column ${key} holds a value that cannot be hashed`);
  }
  return out;
}

export interface SealFields {
  seq: number;
  shiftId: string | null;
  cashierId: string | null;
  prevHash: string;
}

/**
 * SHA-256 (hex) of a sale's chain link: the canonical JSON of the sale row, its lines (by
 * position), its payments (by id), the shift, the cashier, the link's number and the previous
 * sale's hash. Every column counts, so a changed price, quantity, tender or time breaks the chain.
 * A migration that adds a NOT NULL column with a default to `sale`, `sale_line` or `payment`
 * would change old sales' input: add such columns nullable instead.
 */
export function saleChainHash(sale: Row, lines: readonly Row[], payments: readonly Row[], seal: SealFields): string {
  const input = {
    sale: hashedRow(sale),
    lines: lines.map(hashedRow),
    payments: payments.map(hashedRow),
    seq: seal.seq,
    shiftId: seal.shiftId,
    cashierId: seal.cashierId,
    prevHash: seal.prevHash,
  };
  return createHash('sha256').update(canonicalJson(input)).digest('hex');
}

export interface SaleSealerDeps {
  local: LocalStore;
  /** The person selling, from the session (null when sign-in is not required and nobody is signed in). */
  cashierId(): string | null;
}

/** Who sold and in which shift: taken when the sale is committed and kept in its journal fact. */
export interface SaleStamp {
  shiftId: string | null;
  cashierId: string | null;
}

/** A sale's chain link, as its `sale.completed` fact carries it to the centre. */
export type SaleSealLink = SealFields & { hash: string };

export interface SaleSealer {
  /** The shift open now and the person signed in (read synchronously, at the sale's commit). */
  stamp(): SaleStamp;
  /**
   * Seals a sale whose rows were written just before in the same transaction: takes the next
   * chain number and the previous sale's hash, stores the link in `sale_seal` and returns it
   * (the sale's outbox fact carries it, so the centre can verify the chain). From then on triggers
   * refuse any change to the sale (migration 0004).
   */
  seal(db: BetterSqlite3.Database, sale: { id: string }, stamp: SaleStamp): SaleSealLink;
}

/**
 * The sale service's sealer (core/sale/sale-service.ts): runs synchronously inside the
 * transaction that writes the sale's rows. Statements are prepared once (a hot path); the link
 * hashes the rows as stored, so `audit:verify` recomputes exactly this.
 */
export function createSaleSealer(deps: SaleSealerDeps): SaleSealer {
  const st = (text: string) => deps.local.statement(text);
  return {
    stamp: () => ({
      shiftId: (st('SELECT id FROM shift WHERE closed_at IS NULL LIMIT 1').get() as { id: string } | undefined)?.id ?? null,
      cashierId: deps.cashierId(),
    }),
    seal: (_db, sale, stamp) => {
      const last = st('SELECT seq, hash FROM sale_seal ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
      const fields: SealFields = { seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? GENESIS_HASH, shiftId: stamp.shiftId, cashierId: stamp.cashierId };
      const row = st('SELECT * FROM sale WHERE id = ?').get(sale.id) as Row;
      const lines = st('SELECT * FROM sale_line WHERE sale_id = ? ORDER BY position').all(sale.id) as Row[];
      const payments = st('SELECT * FROM payment WHERE sale_id = ? ORDER BY id').all(sale.id) as Row[];
      const hash = saleChainHash(row, lines, payments, fields);
      st('INSERT INTO sale_seal (sale_id, seq, shift_id, cashier_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)')
        .run(sale.id, fields.seq, fields.shiftId, fields.cashierId, fields.prevHash, hash);
      return { ...fields, hash };
    },
  };
}
