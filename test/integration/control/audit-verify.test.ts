import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { verifyAuditChain, verifySaleChain } from '../../../src-main/core/audit/verify-chains';
import { DEMO_BARCODES } from '../../../src-main/core/demo/seed-demo-store';
import { main as auditVerify } from '../../../scripts/audit-verify';
import { demoCore, type CoreFixture } from '../../support/core-fixture';
import { ok } from './call';

let fx: CoreFixture | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await fx?.dispose();
  fx = undefined;
});


/** A till with some history: sign-ins, a shift, three sales, a return, a pay-in, an X report. */
async function history(): Promise<CoreFixture> {
  const f = await demoCore(undefined, { control: { requireSignIn: true, requireShift: true, idleLockSeconds: 3_600 }, signIn: 'manager' });
  await ok(f, 'shift.open', { floatCount: [{ valueMinor: 1000, count: 3 }] });
  for (const barcodes of [[DEMO_BARCODES.milk, DEMO_BARCODES.bread], [DEMO_BARCODES.cola], [DEMO_BARCODES.eggs, DEMO_BARCODES.eggs]]) {
    for (const barcode of barcodes) await ok(f, 'cart.scan', { barcode });
    const cart = await ok(f, 'cart.get', {});
    await ok(f, 'sale.complete', { cartId: cart.id, payments: [{ tender: 'cash', amountMinor: cart.totals.totalMinor + 100 }] });
  }
  const [first] = await ok(f, 'returns.findSale', { receiptNo: 'T01-1-000001' });
  await ok(f, 'returns.create', { kind: 'receipt', saleId: first!.sale.id, refundTo: 'original', reasonCode: 'damaged', disposition: 'restock', lines: [{ saleLineId: first!.lines[0]!.saleLineId, quantity: 1 }] });
  await ok(f, 'cash.payIn', { amountMinor: 500, reasonCode: 'change' });
  await ok(f, 'shift.xReport', {});
  return f;
}

/** Runs `edit` on the file inside a transaction with the guard triggers dropped, verifies, rolls back. */
function verifyAfter(db: Database.Database, edit: () => void) {
  db.exec('BEGIN');
  try {
    // What someone editing the file would do first: drop the guard triggers of migration 0004.
    const triggers = db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND (name LIKE 'audit_entry_%' OR name LIKE '%sealed%' OR name LIKE 'sale_seal_%')`).pluck().all() as string[];
    expect(triggers.length).toBe(12);
    for (const trigger of triggers) db.exec(`DROP TRIGGER ${trigger}`);
    edit();
    return { audit: verifyAuditChain(db), sales: verifySaleChain(db) };
  } finally {
    db.exec('ROLLBACK');
  }
}

describe('audit:verify', () => {
  it('verifies a real history, through the contract and the command', async () => {
    fx = await history();
    const result = await ok(fx, 'audit.verify', {});
    expect(result.ok).toBe(true);
    expect(result.sales.checked).toBe(3);
    expect(result.audit.checked).toBe(6);
    expect((await ok(fx, 'audit.list', { limit: 50 })).map((e) => e.action).reverse())
      .toEqual(['pin.accepted', 'session.signedIn', 'shift.opened', 'return.completed', 'cash.payIn', 'shift.xReport']);
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await auditVerify(['--data', fx.dataDir])).toBe(0);
    expect(JSON.parse(String(out.mock.calls[0]![0]))).toMatchObject({ ok: true, sales: { checked: 3 } });
  });

  it('changing any audit entry, sale, sale line or payment breaks the chain at exactly that row', async () => {
    fx = await history();
    await fx.core.close();
    const db = new Database(join(fx.dataDir, 'terminal.db'));
    try {
      const audits = db.prepare('SELECT seq, action FROM audit_entry ORDER BY seq').all() as Array<{ seq: number; action: string }>;
      for (const { seq, action } of audits) {
        const [detailsChanged, timeChanged] = [
          verifyAfter(db, () => db.prepare(`UPDATE audit_entry SET details_json = json_set(details_json, '$.x', 1) WHERE seq = ?`).run(seq)),
          verifyAfter(db, () => db.prepare(`UPDATE audit_entry SET at = '2020-01-01T00:00:00.000Z' WHERE seq = ?`).run(seq)),
        ];
        expect(detailsChanged.audit.firstBroken?.at).toBe(`audit entry ${seq} (${action})`);
        expect(timeChanged.audit.firstBroken?.at).toBe(`audit entry ${seq} (${action})`);
      }
      const sales = db.prepare('SELECT sale.id, receipt_no, seq FROM sale JOIN sale_seal ON sale_seal.sale_id = sale.id ORDER BY seq').all() as Array<{ id: string; receipt_no: string; seq: number }>;
      for (const sale of sales) {
        const at = `sale ${sale.receipt_no} (chain link ${sale.seq})`;
        for (const edit of [
          `UPDATE sale SET total_minor = total_minor + 1 WHERE id = ?`,
          `UPDATE sale SET created_at = '2020-01-01T00:00:00.000Z' WHERE id = ?`,
          `UPDATE sale_line SET quantity = quantity + 1 WHERE sale_id = ? AND position = 0`,
          `UPDATE payment SET amount_minor = amount_minor - 1 WHERE sale_id = ?`,
          `UPDATE sale_seal SET cashier_id = 'someone-else' WHERE sale_id = ?`,
        ]) {
          const result = verifyAfter(db, () => db.prepare(edit).run(sale.id));
          expect(result.sales.firstBroken?.at, edit).toBe(at);
        }
      }
      const middle = audits[Math.floor(audits.length / 2)]!.seq;
      const deleted = verifyAfter(db, () => db.prepare('DELETE FROM audit_entry WHERE seq = ?').run(middle));
      expect(deleted.audit.firstBroken?.at).toBe(`audit entry ${middle}`);
      expect(verifyAuditChain(db).firstBroken).toBeNull();
      expect(verifySaleChain(db).firstBroken).toBeNull();
    } finally {
      db.close();
    }
  });

  it('the command names the first broken entry and fails after an edit of the file', async () => {
    fx = await history();
    await fx.core.close();
    const db = new Database(join(fx.dataDir, 'terminal.db'));
    const target = db.prepare(`SELECT seq FROM audit_entry WHERE action = 'return.completed'`).get() as { seq: number };
    db.exec('DROP TRIGGER audit_entry_no_update; DROP TRIGGER sale_sealed_no_update');
    db.prepare(`UPDATE audit_entry SET details_json = replace(details_json, '"damaged"', '"changedMind"') WHERE seq = ?`).run(target.seq);
    db.prepare(`UPDATE sale SET total_minor = 1 WHERE receipt_no = 'T01-1-000002'`).run();
    db.close();
    vi.spyOn(console, 'log').mockImplementation(() => {});
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await auditVerify(['--data', fx.dataDir])).toBe(1);
    const said = errors.mock.calls.map((c) => String(c[0]));
    expect(said).toContain(`audit:verify: audit log broken at audit entry ${target.seq} (return.completed): its content does not match its hash (changed after it was written)`);
    expect(said).toContain('audit:verify: sale chain broken at sale T01-1-000002 (chain link 2): its sale, lines or payments do not match its hash (changed after the sale)');
    expect(await auditVerify([])).toBe(2);
  });

  it('the triggers refuse to change an audit entry or a sealed sale through SQL', async () => {
    fx = await history();
    const db = fx.local.sqlite;
    expect(() => db.prepare(`UPDATE audit_entry SET action = 'x' WHERE seq = 1`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_entry WHERE seq = 1').run()).toThrow(/append-only/);
    expect(() => db.prepare(`UPDATE sale SET total_minor = 0`).run()).toThrow(/sealed sale/);
    expect(() => db.prepare(`UPDATE sale_line SET quantity = 9`).run()).toThrow(/sealed sale/);
    expect(() => db.prepare(`DELETE FROM payment`).run()).toThrow(/sealed sale/);
  });
});
