import type { Migration } from './migration';
import { runStatements } from './migration';

/**
 * Checkout in depth (issue 3): discounts, price overrides, notes, weighed lines, parked carts,
 * tender references and the sale's discount, cash rounding and tax-exempt flag. The checkout
 * settings live in the `setting` table of 0004 under the key `checkout` (no column needed).
 *
 * - A cart is either the current one (`parked_at IS NULL`; the partial unique index allows one)
 *   or parked. Carts that an older version left behind are kept: the newest is current, other
 *   carts with lines are parked, other empty ones are removed.
 * - Weighed lines (GS1 in-store weight barcodes) keep `quantity = 1` and their `weight_grams`;
 *   `unit_price_minor` is then the price per kilogram.
 * - Discounts are stored as the cashier gave them (`discount_json`, a `Discount`), amounts are
 *   computed (src-shared/pricing); sale lines also keep the computed amounts for reports.
 * - `parked_cart_deletion` records every deleted parked sale with its reason and its lines (the
 *   audit log of the "People, cash and control" work may take these over).
 * - `product_category_name`: quick keys list a category's first products by name without a scan.
 */
export const m0005Checkout: Migration = {
  version: 5,
  name: 'checkout',
  up: (db) => runStatements(db, [
    `ALTER TABLE cart ADD COLUMN discount_json TEXT`,
    `ALTER TABLE cart ADD COLUMN tax_exempt INTEGER NOT NULL DEFAULT 0 CHECK (tax_exempt IN (0, 1))`,
    `ALTER TABLE cart ADD COLUMN note TEXT`,
    `ALTER TABLE cart ADD COLUMN parked_at TEXT`,
    `ALTER TABLE cart ADD COLUMN park_note TEXT`,
    `DELETE FROM cart WHERE id <> (SELECT id FROM cart ORDER BY created_at DESC, id DESC LIMIT 1)
       AND NOT EXISTS (SELECT 1 FROM cart_line WHERE cart_line.cart_id = cart.id)`,
    `UPDATE cart SET parked_at = updated_at, park_note = 'kept by the upgrade'
       WHERE id <> (SELECT id FROM cart ORDER BY created_at DESC, id DESC LIMIT 1)`,
    `CREATE UNIQUE INDEX cart_one_current ON cart(parked_at IS NULL) WHERE parked_at IS NULL`,
    `CREATE INDEX cart_parked ON cart(parked_at) WHERE parked_at IS NOT NULL`,

    `ALTER TABLE cart_line ADD COLUMN weight_grams INTEGER CHECK (weight_grams IS NULL OR weight_grams > 0)`,
    `ALTER TABLE cart_line ADD COLUMN catalog_price_minor INTEGER`,
    `ALTER TABLE cart_line ADD COLUMN discount_json TEXT`,
    `ALTER TABLE cart_line ADD COLUMN note TEXT`,

    `ALTER TABLE sale ADD COLUMN discount_minor INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE sale ADD COLUMN cart_discount_minor INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE sale ADD COLUMN cart_discount_json TEXT`,
    `ALTER TABLE sale ADD COLUMN cash_rounding_minor INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE sale ADD COLUMN tax_exempt INTEGER NOT NULL DEFAULT 0 CHECK (tax_exempt IN (0, 1))`,
    `ALTER TABLE sale ADD COLUMN exempt_tax_minor INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE sale ADD COLUMN cashier_name TEXT`,
    `ALTER TABLE sale ADD COLUMN note TEXT`,

    `ALTER TABLE sale_line ADD COLUMN weight_grams INTEGER`,
    `ALTER TABLE sale_line ADD COLUMN catalog_price_minor INTEGER`,
    `ALTER TABLE sale_line ADD COLUMN discount_json TEXT`,
    `ALTER TABLE sale_line ADD COLUMN discount_minor INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE sale_line ADD COLUMN cart_discount_minor INTEGER NOT NULL DEFAULT 0`,
    `ALTER TABLE sale_line ADD COLUMN note TEXT`,

    `ALTER TABLE payment ADD COLUMN reference TEXT`,

    `CREATE TABLE parked_cart_deletion (
       id TEXT PRIMARY KEY, cart_id TEXT NOT NULL, reason TEXT NOT NULL, parked_at TEXT NOT NULL,
       park_note TEXT, line_count INTEGER NOT NULL, total_minor INTEGER NOT NULL,
       lines_json TEXT NOT NULL, deleted_at TEXT NOT NULL
     ) STRICT`,

    `CREATE INDEX product_category_name ON product(category_id, name) WHERE active = 1`,
  ]),
};
