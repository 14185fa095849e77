import type { Generated } from 'kysely';

/** Kysely's view of the tables that `migrations/` creates. Keep in step with the migrations. */
export interface Database {
  meta: { key: string; value: string };
  store: {
    id: string; name: string; locale: string; currency: string; currency_digits: number;
    time_zone: string; prices_include_tax: number; address: string; receipt_footer: string;
  };
  sale_journal_state: { id: number; applied_seq: number };
  terminal: { id: string; store_id: string; code: string; name: string; install_epoch: number; last_receipt_seq: number };
  person: { id: string; name: string; role: string; pin_hash: string; active: number };
  tax_rate: { id: string; name: string; rate_bp: number };
  category: { id: string; name: string; sort: number };
  product: {
    id: string; sku: string; name: string; category_id: string | null; tax_rate_id: string;
    price_minor: number; active: number; updated_at: string;
  };
  barcode: { code: string; product_id: string; pack_quantity: number };
  cart: {
    id: string; created_at: string; updated_at: string; last_line_id: string | null;
    // 0005-checkout
    discount_json: string | null; tax_exempt: Generated<number>; note: string | null; parked_at: string | null; park_note: string | null;
  };
  cart_line: {
    id: string; cart_id: string; product_id: string; sku: string; name: string; quantity: number;
    unit_price_minor: number; tax_rate_bp: number; added_at: string;
    // 0005-checkout
    weight_grams: number | null; catalog_price_minor: number | null; discount_json: string | null; note: string | null;
  };
  sale: {
    id: string; cart_id: string; receipt_no: string; terminal_id: string; install_epoch: number;
    receipt_seq: number; created_at: string; currency: string; subtotal_minor: number; tax_minor: number;
    total_minor: number; tendered_minor: number; change_minor: number; item_count: number; taxes_json: string;
    // 0005-checkout
    discount_minor: Generated<number>; cart_discount_minor: Generated<number>; cart_discount_json: string | null;
    cash_rounding_minor: Generated<number>; tax_exempt: Generated<number>; exempt_tax_minor: Generated<number>;
    cashier_name: string | null; note: string | null;
  };
  sale_line: {
    id: string; sale_id: string; position: number; product_id: string; sku: string; name: string;
    quantity: number; unit_price_minor: number; tax_rate_bp: number; line_total_minor: number;
    // 0005-checkout
    weight_grams: number | null; catalog_price_minor: number | null; discount_json: string | null;
    discount_minor: Generated<number>; cart_discount_minor: Generated<number>; note: string | null;
  };
  payment: { id: string; sale_id: string; tender: string; amount_minor: number; reference: string | null /* 0005 */ };
  stock_movement: { id: string; product_id: string; quantity_delta: number; reason: string; ref_id: string | null; created_at: string };
  outbox: { seq: Generated<number>; event_id: string; type: string; payload: string; created_at: string; acked_at: string | null };
  // migrations/0002-sync-state.ts
  sync_state: {
    id: number; server_url: string | null; credential_ref: string | null; enrolled_at: string | null;
    epoch_base_seq: number; server_last_seq: number | null; last_sync_at: string | null; last_error: string | null;
    last_error_at: string | null; clock_offset_ms: number | null; revoked: number;
  };
  sync_cursor: { stream: string; cursor: string; pulled: number; complete: number; updated_at: string };
  sync_quarantine: { event_id: string; seq: number; type: string; reason: string; recorded_at: string };
  // migrations/0003-printing.ts
  device: { id: string; kind: string; config_json: string; created_at: string; updated_at: string };
  print_job: {
    id: string; device_id: string; kind: 'receipt' | 'report' | 'test'; sale_id: string | null; receipt_no: string | null;
    copy: number; document: string | null; payload: Buffer | null; state: 'queued' | 'printing' | 'done' | 'failed';
    attempts: number; last_error: string | null; next_attempt_at: string | null; created_at: string; updated_at: string;
  };
  drawer_event: {
    id: string; device_id: string | null; reason: 'sale' | 'noSale' | 'test'; sale_id: string | null; note: string | null;
    outcome: 'queued' | 'sent' | 'failed'; error: string | null; created_at: string; updated_at: string;
  };
  // migrations/0004-people-cash-audit.ts
  role: { id: string; name: string; permissions_json: string; sort: number; updated_at: string };
  person_lock: { person_id: string; failed_count: number; locked_until: string | null; last_failure_at: string | null };
  setting: { key: string; value_json: string; updated_at: string };
  counter: { name: string; value: number };
  shift: {
    id: string; terminal_id: string; currency: string; opened_at: string; opened_by: string | null; float_minor: number;
    float_count_json: string; closed_at: string | null; closed_by: string | null; approved_by: string | null; close_json: string | null;
  };
  cash_movement: {
    id: string; shift_id: string; kind: 'payIn' | 'payOut' | 'drop'; amount_minor: number; reason_code: string; note: string | null;
    person_id: string | null; approver_id: string | null; created_at: string;
  };
  shift_report: { id: string; shift_id: string; kind: 'X' | 'Z'; number: number; created_at: string; person_id: string | null; report_json: string };
  sale_seal: { sale_id: string; seq: number; shift_id: string | null; cashier_id: string | null; prev_hash: string; hash: string };
  sale_void: { sale_id: string; shift_id: string; person_id: string | null; approver_id: string | null; reason_code: string; created_at: string };
  sale_return: {
    id: string; return_no: string; return_seq: number; sale_id: string | null; shift_id: string | null; terminal_id: string;
    created_at: string; person_id: string | null; approver_id: string | null; reason_code: string; note: string | null;
    disposition: 'restock' | 'writeOff'; refund_to: 'original' | 'storeCredit' | 'cash'; total_minor: number; currency: string;
  };
  return_line: {
    id: string; return_id: string; sale_line_id: string | null; product_id: string; sku: string; name: string;
    quantity: number; amount_minor: number; tax_rate_bp: number;
  };
  refund: {
    id: string; shift_id: string | null; sale_id: string | null; source: 'return' | 'void'; source_id: string;
    tender: string; amount_minor: number; created_at: string;
  };
  store_credit: { id: string; code: string; currency: string; created_at: string };
  store_credit_entry: { id: string; credit_id: string; delta_minor: number; ref_type: string; ref_id: string | null; created_at: string };
  audit_entry: {
    seq: number; id: string; at: string; actor_id: string | null; action: string; details_json: string; prev_hash: string; hash: string;
  };
  // migrations/0005-checkout.ts
  parked_cart_deletion: {
    id: string; cart_id: string; reason: string; parked_at: string; park_note: string | null; line_count: number;
    total_minor: number; lines_json: string; deleted_at: string;
  };
}
