import type { Migration } from './migration';
import { runStatements } from './migration';

/**
 * People, cash and control (issue 4; design ../shared/ARCHITECTURE.md §7).
 *
 * - `role`: reference data (later authored centrally); the four defaults are inserted here so a
 *   store that never synced still has them. `person.role` holds a role id.
 * - `person_lock`: wrong-PIN counters and the lock-until time, persisted so a restart never
 *   clears a lockout. No foreign key: enrolment replaces the `person` rows.
 * - `setting`: store settings as JSON values by key (defaults live in code).
 * - `counter`: gap-free numbers per terminal (X and Z reports, returns), allocated inside the
 *   transaction that uses them, like the receipt sequence.
 * - `shift`, `cash_movement`, `shift_report`: the shift's facts and its X/Z reports.
 * - `sale_return`, `return_line`, `sale_void`, `refund`: returns and voids; `refund` holds every
 *   amount given back, per tender and shift, which is what the close needs.
 * - `store_credit`, `store_credit_entry`: a local store-credit ledger (credit notes).
 * - `audit_entry`: the append-only, hash-chained audit log; `sale_seal`: the sales' own chain,
 *   with the shift and cashier of each sale. Triggers refuse to change an audit entry or a sealed
 *   sale (its row, lines and payments); a determined editor of the file can drop them, which is
 *   what the hashes and `npm run audit:verify` are for.
 */
export const m0004PeopleCashAudit: Migration = {
  version: 4,
  name: 'people-cash-audit',
  up: (db) => runStatements(db, [
    `CREATE TABLE role (
       id TEXT PRIMARY KEY, name TEXT NOT NULL, permissions_json TEXT NOT NULL,
       sort INTEGER NOT NULL DEFAULT 0, updated_at TEXT NOT NULL
     ) STRICT`,
    `INSERT INTO role (id, name, permissions_json, sort, updated_at) VALUES
       ('cashier', 'Cashier', '["line.void"]', 1, '1970-01-01T00:00:00.000Z'),
       ('supervisor', 'Supervisor', '["line.void","refund","drawer.noSale","cash.payInOut","shift.close","discount.aboveThreshold"]', 2, '1970-01-01T00:00:00.000Z'),
       ('manager', 'Manager', '["discount.aboveThreshold","price.override","line.void","sale.void","refund","refund.noReceipt","drawer.noSale","cash.payInOut","shift.close","shift.approveVariance","products","people","reports"]', 3, '1970-01-01T00:00:00.000Z'),
       ('admin', 'Administrator', '["discount.aboveThreshold","price.override","line.void","sale.void","refund","refund.noReceipt","drawer.noSale","cash.payInOut","shift.close","shift.approveVariance","settings","products","people","reports"]', 4, '1970-01-01T00:00:00.000Z')`,
    `CREATE TABLE person_lock (
       person_id TEXT PRIMARY KEY, failed_count INTEGER NOT NULL DEFAULT 0 CHECK (failed_count >= 0),
       locked_until TEXT, last_failure_at TEXT
     ) STRICT`,
    `CREATE TABLE setting (key TEXT PRIMARY KEY, value_json TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT`,
    `CREATE TABLE counter (name TEXT PRIMARY KEY, value INTEGER NOT NULL CHECK (value >= 0)) STRICT`,
    `CREATE TABLE shift (
       id TEXT PRIMARY KEY, terminal_id TEXT NOT NULL, currency TEXT NOT NULL,
       opened_at TEXT NOT NULL, opened_by TEXT,
       float_minor INTEGER NOT NULL CHECK (float_minor >= 0), float_count_json TEXT NOT NULL,
       closed_at TEXT, closed_by TEXT, approved_by TEXT, close_json TEXT,
       CHECK ((closed_at IS NULL) = (close_json IS NULL))
     ) STRICT`,
    // At most one open shift in the file (one terminal per data directory).
    `CREATE UNIQUE INDEX shift_one_open ON shift(closed_at IS NULL) WHERE closed_at IS NULL`,
    `CREATE TABLE cash_movement (
       id TEXT PRIMARY KEY, shift_id TEXT NOT NULL REFERENCES shift(id),
       kind TEXT NOT NULL CHECK (kind IN ('payIn', 'payOut', 'drop')),
       amount_minor INTEGER NOT NULL CHECK (amount_minor > 0), reason_code TEXT NOT NULL, note TEXT,
       person_id TEXT, approver_id TEXT, created_at TEXT NOT NULL
     ) STRICT`,
    `CREATE INDEX cash_movement_shift ON cash_movement(shift_id)`,
    `CREATE TABLE shift_report (
       id TEXT PRIMARY KEY, shift_id TEXT NOT NULL REFERENCES shift(id),
       kind TEXT NOT NULL CHECK (kind IN ('X', 'Z')), number INTEGER NOT NULL CHECK (number > 0),
       created_at TEXT NOT NULL, person_id TEXT, report_json TEXT NOT NULL,
       UNIQUE (kind, number)
     ) STRICT`,
    `CREATE UNIQUE INDEX shift_report_one_z ON shift_report(shift_id) WHERE kind = 'Z'`,
    // The sale chain, 1:1 with `sale` (a table of its own so `sale` rows are never updated):
    // `seq` orders the chain, gap-free; `hash` covers the sale row, its lines and payments, the
    // shift and cashier, and `prev_hash` (core/audit/sale-chain.ts).
    `CREATE TABLE sale_seal (
       sale_id TEXT PRIMARY KEY REFERENCES sale(id), seq INTEGER NOT NULL UNIQUE CHECK (seq > 0),
       shift_id TEXT, cashier_id TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE
     ) STRICT`,
    `CREATE INDEX sale_seal_shift ON sale_seal(shift_id)`,
    `CREATE TABLE sale_void (
       sale_id TEXT PRIMARY KEY REFERENCES sale(id), shift_id TEXT NOT NULL REFERENCES shift(id),
       person_id TEXT, approver_id TEXT, reason_code TEXT NOT NULL, created_at TEXT NOT NULL
     ) STRICT`,
    `CREATE TABLE sale_return (
       id TEXT PRIMARY KEY, return_no TEXT NOT NULL UNIQUE, return_seq INTEGER NOT NULL UNIQUE,
       sale_id TEXT REFERENCES sale(id), shift_id TEXT REFERENCES shift(id), terminal_id TEXT NOT NULL,
       created_at TEXT NOT NULL, person_id TEXT, approver_id TEXT, reason_code TEXT NOT NULL, note TEXT,
       disposition TEXT NOT NULL CHECK (disposition IN ('restock', 'writeOff')),
       refund_to TEXT NOT NULL CHECK (refund_to IN ('original', 'storeCredit', 'cash')),
       total_minor INTEGER NOT NULL CHECK (total_minor >= 0), currency TEXT NOT NULL
     ) STRICT`,
    `CREATE INDEX sale_return_sale ON sale_return(sale_id)`,
    `CREATE TABLE return_line (
       id TEXT PRIMARY KEY, return_id TEXT NOT NULL REFERENCES sale_return(id),
       sale_line_id TEXT REFERENCES sale_line(id), product_id TEXT NOT NULL, sku TEXT NOT NULL, name TEXT NOT NULL,
       quantity INTEGER NOT NULL CHECK (quantity > 0), amount_minor INTEGER NOT NULL CHECK (amount_minor >= 0),
       tax_rate_bp INTEGER NOT NULL
     ) STRICT`,
    `CREATE INDEX return_line_return ON return_line(return_id)`,
    `CREATE INDEX return_line_sale_line ON return_line(sale_line_id)`,
    `CREATE TABLE refund (
       id TEXT PRIMARY KEY, shift_id TEXT REFERENCES shift(id), sale_id TEXT,
       source TEXT NOT NULL CHECK (source IN ('return', 'void')), source_id TEXT NOT NULL,
       tender TEXT NOT NULL, amount_minor INTEGER NOT NULL CHECK (amount_minor > 0), created_at TEXT NOT NULL
     ) STRICT`,
    `CREATE INDEX refund_shift ON refund(shift_id)`,
    `CREATE INDEX refund_sale ON refund(sale_id)`,
    `CREATE TABLE store_credit (id TEXT PRIMARY KEY, code TEXT NOT NULL UNIQUE, currency TEXT NOT NULL, created_at TEXT NOT NULL) STRICT`,
    `CREATE TABLE store_credit_entry (
       id TEXT PRIMARY KEY, credit_id TEXT NOT NULL REFERENCES store_credit(id), delta_minor INTEGER NOT NULL,
       ref_type TEXT NOT NULL, ref_id TEXT, created_at TEXT NOT NULL
     ) STRICT`,
    `CREATE INDEX store_credit_entry_credit ON store_credit_entry(credit_id)`,
    `CREATE TABLE audit_entry (
       seq INTEGER PRIMARY KEY CHECK (seq > 0), id TEXT NOT NULL UNIQUE, at TEXT NOT NULL,
       actor_id TEXT, action TEXT NOT NULL, details_json TEXT NOT NULL,
       prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE
     ) STRICT`,
    `CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END`,
    `CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END`,
    `CREATE TRIGGER sale_seal_no_update BEFORE UPDATE ON sale_seal BEGIN SELECT RAISE(ABORT, 'a sealed sale cannot change'); END`,
    `CREATE TRIGGER sale_seal_no_delete BEFORE DELETE ON sale_seal BEGIN SELECT RAISE(ABORT, 'a sealed sale cannot change'); END`,
    `CREATE TRIGGER sale_sealed_no_update BEFORE UPDATE ON sale WHEN EXISTS (SELECT 1 FROM sale_seal WHERE sale_id = old.id) BEGIN SELECT RAISE(ABORT, 'a sealed sale cannot change'); END`,
    `CREATE TRIGGER sale_sealed_no_delete BEFORE DELETE ON sale WHEN EXISTS (SELECT 1 FROM sale_seal WHERE sale_id = old.id) BEGIN SELECT RAISE(ABORT, 'a sealed sale cannot change'); END`,
    ...['sale_line', 'payment'].flatMap((table) => [
      `CREATE TRIGGER ${table}_sealed_no_update BEFORE UPDATE ON ${table} WHEN EXISTS (SELECT 1 FROM sale_seal WHERE sale_id = old.sale_id) BEGIN SELECT RAISE(ABORT, 'a sealed sale cannot change'); END`,
      `CREATE TRIGGER ${table}_sealed_no_delete BEFORE DELETE ON ${table} WHEN EXISTS (SELECT 1 FROM sale_seal WHERE sale_id = old.sale_id) BEGIN SELECT RAISE(ABORT, 'a sealed sale cannot change'); END`,
      `CREATE TRIGGER ${table}_sealed_no_insert BEFORE INSERT ON ${table} WHEN EXISTS (SELECT 1 FROM sale_seal WHERE sale_id = new.sale_id) BEGIN SELECT RAISE(ABORT, 'a sealed sale cannot change'); END`,
    ]),
  ]),
};
