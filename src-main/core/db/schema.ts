import type { Generated } from 'kysely';

/** Kysely's view of the tables that `migrations/` creates. Keep in step with the migrations. */
export interface Database {
  meta: { key: string; value: string };
  store: {
    id: string; name: string; locale: string; currency: string; currency_digits: number;
    time_zone: string; prices_include_tax: number; address: string; receipt_footer: string;
  };
  terminal: { id: string; store_id: string; code: string; name: string; install_epoch: number; last_receipt_seq: number };
  person: { id: string; name: string; role: string; pin_hash: string; active: number };
  tax_rate: { id: string; name: string; rate_bp: number };
  category: { id: string; name: string; sort: number };
  product: {
    id: string; sku: string; name: string; category_id: string | null; tax_rate_id: string;
    price_minor: number; active: number; updated_at: string;
  };
  barcode: { code: string; product_id: string; pack_quantity: number };
  cart: { id: string; created_at: string; updated_at: string; last_line_id: string | null };
  cart_line: {
    id: string; cart_id: string; product_id: string; sku: string; name: string; quantity: number;
    unit_price_minor: number; tax_rate_bp: number; added_at: string;
  };
  sale: {
    id: string; cart_id: string; receipt_no: string; terminal_id: string; install_epoch: number;
    receipt_seq: number; created_at: string; currency: string; subtotal_minor: number; tax_minor: number;
    total_minor: number; tendered_minor: number; change_minor: number; item_count: number; taxes_json: string;
  };
  sale_line: {
    id: string; sale_id: string; position: number; product_id: string; sku: string; name: string;
    quantity: number; unit_price_minor: number; tax_rate_bp: number; line_total_minor: number;
  };
  payment: { id: string; sale_id: string; tender: string; amount_minor: number };
  stock_movement: { id: string; product_id: string; quantity_delta: number; reason: string; ref_id: string | null; created_at: string };
  outbox: { seq: Generated<number>; event_id: string; type: string; payload: string; created_at: string; acked_at: string | null };
}
