import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ROLES } from '../src-shared/domain/people';
import { silentLogger } from '../src-main/core/deps';
import type { LocalStore } from '../src-main/core/db/local-store';
import { openLocalStore } from '../src-main/core/db/open-local-store';
import type { Database } from '../src-main/core/db/schema';
import { m0001Initial } from './0001-initial';
import { m0002SyncState } from './0002-sync-state';
import { m0003Printing } from './0003-printing';
import { m0004PeopleCashAudit } from './0004-people-cash-audit';

let dataDir: string;
let store: LocalStore;

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-m0004-'));
  store = await openLocalStore({ dataDir, appVersion: '0.1.0', logger: silentLogger, migrations: [m0001Initial, m0002SyncState, m0003Printing, m0004PeopleCashAudit] });
});
afterEach(async () => {
  await store.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Added = 'role' | 'person_lock' | 'setting' | 'counter' | 'shift' | 'cash_movement' | 'shift_report' | 'sale_seal' | 'sale_void'
  | 'sale_return' | 'return_line' | 'refund' | 'store_credit' | 'store_credit_entry' | 'audit_entry';

describe('migration 0004-people-cash-audit', () => {
  it('adds the tables that schema.ts declares, all STRICT', () => {
    const declared: { [T in Added]: Record<keyof Database[T], true> } = {
      role: { id: true, name: true, permissions_json: true, sort: true, updated_at: true },
      person_lock: { person_id: true, failed_count: true, locked_until: true, last_failure_at: true },
      setting: { key: true, value_json: true, updated_at: true },
      counter: { name: true, value: true },
      shift: { id: true, terminal_id: true, currency: true, opened_at: true, opened_by: true, float_minor: true, float_count_json: true, closed_at: true, closed_by: true, approved_by: true, close_json: true },
      cash_movement: { id: true, shift_id: true, kind: true, amount_minor: true, reason_code: true, note: true, person_id: true, approver_id: true, created_at: true },
      shift_report: { id: true, shift_id: true, kind: true, number: true, created_at: true, person_id: true, report_json: true },
      sale_seal: { sale_id: true, seq: true, shift_id: true, cashier_id: true, prev_hash: true, hash: true },
      sale_void: { sale_id: true, shift_id: true, person_id: true, approver_id: true, reason_code: true, created_at: true },
      sale_return: {
        id: true, return_no: true, return_seq: true, sale_id: true, shift_id: true, terminal_id: true, created_at: true, person_id: true,
        approver_id: true, reason_code: true, note: true, disposition: true, refund_to: true, total_minor: true, currency: true,
      },
      return_line: { id: true, return_id: true, sale_line_id: true, product_id: true, sku: true, name: true, quantity: true, amount_minor: true, tax_rate_bp: true },
      refund: { id: true, shift_id: true, sale_id: true, source: true, source_id: true, tender: true, amount_minor: true, created_at: true },
      store_credit: { id: true, code: true, currency: true, created_at: true },
      store_credit_entry: { id: true, credit_id: true, delta_minor: true, ref_type: true, ref_id: true, created_at: true },
      audit_entry: { seq: true, id: true, at: true, actor_id: true, action: true, details_json: true, prev_hash: true, hash: true },
    };
    for (const [table, columns] of Object.entries(declared)) {
      expect(store.sqlite.prepare('SELECT name FROM pragma_table_info(?) ORDER BY name').pluck().all(table), table).toEqual(Object.keys(columns).sort());
      expect(store.sqlite.prepare('SELECT strict FROM pragma_table_list WHERE name = ?').pluck().get(table), table).toBe(1);
    }
  });

  it('seeds exactly the default roles of src-shared/domain/people.ts', () => {
    const rows = store.sqlite.prepare('SELECT id, name, permissions_json FROM role ORDER BY sort').all() as Array<{ id: string; name: string; permissions_json: string }>;
    expect(rows.map((r) => ({ id: r.id, name: r.name, permissions: (JSON.parse(r.permissions_json) as string[]).sort() })))
      .toEqual(DEFAULT_ROLES.map((r) => ({ ...r, permissions: [...r.permissions].sort() })));
  });

  it('allows one open shift at a time and one Z report per shift', () => {
    const shift = (id: string, closed: string | null) => store.sqlite.prepare(`INSERT INTO shift (id, terminal_id, currency, opened_at, opened_by, float_minor, float_count_json, closed_at, close_json)
      VALUES (?, 't', 'GBP', '2026-01-01T00:00:00Z', NULL, 0, '[]', ?, ?)`).run(id, closed, closed ? '{}' : null);
    shift('a', null);
    expect(() => shift('b', null)).toThrow(/UNIQUE/);
    shift('c', '2026-01-01T01:00:00Z');
    expect(() => store.sqlite.prepare(`INSERT INTO shift (id, terminal_id, currency, opened_at, float_minor, float_count_json, closed_at) VALUES ('d', 't', 'GBP', 'x', 0, '[]', 'y')`).run()).toThrow(/CHECK/);
    const z = (id: string, number: number) => store.sqlite.prepare(`INSERT INTO shift_report (id, shift_id, kind, number, created_at, report_json) VALUES (?, 'c', 'Z', ?, 'x', '{}')`).run(id, number);
    z('z1', 1);
    expect(() => z('z2', 2)).toThrow(/UNIQUE/);
  });
});
