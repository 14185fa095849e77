import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../deps';
import type { LocalStore } from './local-store';
import { openLocalStore } from './open-local-store';
import type { Database } from './schema';

/**
 * schema.ts is what Kysely believes; the migrations are what SQLite has. The record below is
 * typed over every table and column of `Database`, so the compiler refuses it until it lists them
 * all, and the test holds it to the fully migrated file: a migration without its schema.ts
 * change (or the reverse) fails here.
 */
describe('schema.ts and the migrated database', () => {
  let dataDir: string;
  let store: LocalStore;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-schema-'));
    store = await openLocalStore({ dataDir, appVersion: '0.0.0-test', logger: silentLogger });
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('declares exactly the tables and columns the migrations create, all STRICT', () => {
    const declared: { [T in keyof Database]: Record<keyof Database[T], true> } = {
      audit_entry: { seq: true, id: true, at: true, actor_id: true, action: true, details_json: true, prev_hash: true, hash: true },
      barcode: { code: true, product_id: true, pack_quantity: true },
      cart: { id: true, created_at: true, updated_at: true, last_line_id: true, discount_json: true, tax_exempt: true, note: true, parked_at: true, park_note: true },
      cart_line: { id: true, cart_id: true, product_id: true, sku: true, name: true, quantity: true, unit_price_minor: true, tax_rate_bp: true, added_at: true, weight_grams: true, catalog_price_minor: true, discount_json: true, note: true },
      cash_movement: { id: true, shift_id: true, kind: true, amount_minor: true, reason_code: true, note: true, person_id: true, approver_id: true, created_at: true },
      category: { id: true, name: true, sort: true },
      counter: { name: true, value: true },
      device: { id: true, kind: true, config_json: true, created_at: true, updated_at: true },
      drawer_event: { id: true, device_id: true, reason: true, sale_id: true, note: true, outcome: true, error: true, created_at: true, updated_at: true },
      meta: { key: true, value: true },
      outbox: { seq: true, event_id: true, type: true, payload: true, created_at: true, acked_at: true },
      parked_cart_deletion: { id: true, cart_id: true, reason: true, parked_at: true, park_note: true, line_count: true, total_minor: true, lines_json: true, deleted_at: true },
      payment: { id: true, sale_id: true, tender: true, amount_minor: true, reference: true },
      person: { id: true, name: true, role: true, pin_hash: true, active: true },
      person_lock: { person_id: true, failed_count: true, locked_until: true, last_failure_at: true },
      print_job: { id: true, device_id: true, kind: true, sale_id: true, receipt_no: true, copy: true, document: true, payload: true, state: true, attempts: true, last_error: true, next_attempt_at: true, created_at: true, updated_at: true },
      product: { id: true, sku: true, name: true, category_id: true, tax_rate_id: true, price_minor: true, active: true, updated_at: true },
      refund: { id: true, shift_id: true, sale_id: true, source: true, source_id: true, tender: true, amount_minor: true, created_at: true },
      return_line: { id: true, return_id: true, sale_line_id: true, product_id: true, sku: true, name: true, quantity: true, amount_minor: true, tax_rate_bp: true },
      role: { id: true, name: true, permissions_json: true, sort: true, updated_at: true },
      sale: { id: true, cart_id: true, receipt_no: true, terminal_id: true, install_epoch: true, receipt_seq: true, created_at: true, currency: true, subtotal_minor: true, tax_minor: true, total_minor: true, tendered_minor: true, change_minor: true, item_count: true, taxes_json: true, discount_minor: true, cart_discount_minor: true, cart_discount_json: true, cash_rounding_minor: true, tax_exempt: true, exempt_tax_minor: true, cashier_name: true, note: true },
      sale_line: { id: true, sale_id: true, position: true, product_id: true, sku: true, name: true, quantity: true, unit_price_minor: true, tax_rate_bp: true, line_total_minor: true, weight_grams: true, catalog_price_minor: true, discount_json: true, discount_minor: true, cart_discount_minor: true, note: true },
      sale_return: { id: true, return_no: true, return_seq: true, sale_id: true, shift_id: true, terminal_id: true, created_at: true, person_id: true, approver_id: true, reason_code: true, note: true, disposition: true, refund_to: true, total_minor: true, currency: true },
      sale_seal: { sale_id: true, seq: true, shift_id: true, cashier_id: true, prev_hash: true, hash: true },
      sale_void: { sale_id: true, shift_id: true, person_id: true, approver_id: true, reason_code: true, created_at: true },
      setting: { key: true, value_json: true, updated_at: true },
      shift: { id: true, terminal_id: true, currency: true, opened_at: true, opened_by: true, float_minor: true, float_count_json: true, closed_at: true, closed_by: true, approved_by: true, close_json: true },
      shift_report: { id: true, shift_id: true, kind: true, number: true, created_at: true, person_id: true, report_json: true },
      stock_movement: { id: true, product_id: true, quantity_delta: true, reason: true, ref_id: true, created_at: true },
      store: { id: true, name: true, locale: true, currency: true, currency_digits: true, time_zone: true, prices_include_tax: true, address: true, receipt_footer: true },
      store_credit: { id: true, code: true, currency: true, created_at: true },
      store_credit_entry: { id: true, credit_id: true, delta_minor: true, ref_type: true, ref_id: true, created_at: true },
      sync_cursor: { stream: true, cursor: true, pulled: true, complete: true, updated_at: true },
      sync_quarantine: { event_id: true, seq: true, type: true, reason: true, recorded_at: true },
      sync_state: { id: true, server_url: true, credential_ref: true, enrolled_at: true, epoch_base_seq: true, server_last_seq: true, last_sync_at: true, last_error: true, last_error_at: true, clock_offset_ms: true, revoked: true },
      tax_rate: { id: true, name: true, rate_bp: true },
      sale_journal_state: { id: true, applied_seq: true },
      terminal: { id: true, store_id: true, code: true, name: true, install_epoch: true, last_receipt_seq: true },
    };
    const strictTables = store.sqlite
      .prepare(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND strict = 1 ORDER BY name`)
      .pluck()
      .all();
    expect(strictTables).toEqual(Object.keys(declared).sort());
    for (const [table, columns] of Object.entries(declared)) {
      const actual = store.sqlite.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY name`).pluck().all(table);
      expect(actual, table).toEqual(Object.keys(columns).sort());
    }
  });
});
