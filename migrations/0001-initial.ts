import type { Migration } from './migration';
import { runStatements } from './migration';

/**
 * The first schema: store and terminal identity, catalog with FTS5 search, the persisted cart,
 * sales with their lines and payments, stock movements and the sync outbox.
 * Money columns are `*_minor` integers; ids are UUIDv7 text; timestamps ISO-8601 UTC text.
 */
export const m0001Initial: Migration = {
  version: 1,
  name: 'initial',
  up: (db) => runStatements(db, [
    `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`,
    `CREATE TABLE store (
       id TEXT PRIMARY KEY, name TEXT NOT NULL, locale TEXT NOT NULL, currency TEXT NOT NULL,
       currency_digits INTEGER NOT NULL, time_zone TEXT NOT NULL,
       prices_include_tax INTEGER NOT NULL CHECK (prices_include_tax IN (0, 1)),
       address TEXT NOT NULL DEFAULT '', receipt_footer TEXT NOT NULL DEFAULT ''
     ) STRICT`,
    `CREATE TABLE terminal (
       id TEXT PRIMARY KEY, store_id TEXT NOT NULL REFERENCES store(id), code TEXT NOT NULL,
       name TEXT NOT NULL, install_epoch INTEGER NOT NULL CHECK (install_epoch > 0),
       last_receipt_seq INTEGER NOT NULL DEFAULT 0
     ) STRICT`,
    `CREATE TABLE person (
       id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
       pin_hash TEXT NOT NULL, active INTEGER NOT NULL DEFAULT 1
     ) STRICT`,
    `CREATE TABLE tax_rate (id TEXT PRIMARY KEY, name TEXT NOT NULL, rate_bp INTEGER NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000)) STRICT`,
    `CREATE TABLE category (id TEXT PRIMARY KEY, name TEXT NOT NULL, sort INTEGER NOT NULL DEFAULT 0) STRICT`,
    `CREATE TABLE product (
       id TEXT PRIMARY KEY, sku TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
       category_id TEXT REFERENCES category(id), tax_rate_id TEXT NOT NULL REFERENCES tax_rate(id),
       price_minor INTEGER NOT NULL CHECK (price_minor >= 0),
       active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)), updated_at TEXT NOT NULL
     ) STRICT`,
    `CREATE TABLE barcode (
       code TEXT PRIMARY KEY, product_id TEXT NOT NULL REFERENCES product(id),
       pack_quantity INTEGER NOT NULL DEFAULT 1 CHECK (pack_quantity >= 1)
     ) STRICT`,
    `CREATE INDEX barcode_product ON barcode(product_id)`,
    // External-content FTS5 index over product names and SKUs; prefix indexes make type-ahead
    // of 2-3 letters an index lookup (https://sqlite.org/fts5.html#prefix_indexes).
    `CREATE VIRTUAL TABLE product_fts USING fts5(name, sku, content='product', content_rowid='rowid', prefix='2 3', tokenize='unicode61 remove_diacritics 2')`,
    `CREATE TRIGGER product_fts_insert AFTER INSERT ON product BEGIN
       INSERT INTO product_fts(rowid, name, sku) VALUES (new.rowid, new.name, new.sku);
     END`,
    `CREATE TRIGGER product_fts_delete AFTER DELETE ON product BEGIN
       INSERT INTO product_fts(product_fts, rowid, name, sku) VALUES ('delete', old.rowid, old.name, old.sku);
     END`,
    `CREATE TRIGGER product_fts_update AFTER UPDATE OF name, sku ON product BEGIN
       INSERT INTO product_fts(product_fts, rowid, name, sku) VALUES ('delete', old.rowid, old.name, old.sku);
       INSERT INTO product_fts(rowid, name, sku) VALUES (new.rowid, new.name, new.sku);
     END`,
    `CREATE TABLE cart (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, last_line_id TEXT) STRICT`,
    `CREATE TABLE cart_line (
       id TEXT PRIMARY KEY, cart_id TEXT NOT NULL REFERENCES cart(id) ON DELETE CASCADE,
       product_id TEXT NOT NULL, sku TEXT NOT NULL, name TEXT NOT NULL,
       quantity INTEGER NOT NULL CHECK (quantity >= 1),
       unit_price_minor INTEGER NOT NULL, tax_rate_bp INTEGER NOT NULL, added_at TEXT NOT NULL
     ) STRICT`,
    `CREATE INDEX cart_line_cart ON cart_line(cart_id, added_at)`,
    `CREATE TABLE sale (
       id TEXT PRIMARY KEY, cart_id TEXT NOT NULL UNIQUE, receipt_no TEXT NOT NULL UNIQUE,
       terminal_id TEXT NOT NULL, install_epoch INTEGER NOT NULL, receipt_seq INTEGER NOT NULL,
       created_at TEXT NOT NULL, currency TEXT NOT NULL,
       subtotal_minor INTEGER NOT NULL, tax_minor INTEGER NOT NULL, total_minor INTEGER NOT NULL,
       tendered_minor INTEGER NOT NULL, change_minor INTEGER NOT NULL CHECK (change_minor >= 0),
       item_count INTEGER NOT NULL, taxes_json TEXT NOT NULL,
       UNIQUE (terminal_id, install_epoch, receipt_seq)
     ) STRICT`,
    `CREATE INDEX sale_created ON sale(created_at)`,
    `CREATE TABLE sale_line (
       id TEXT PRIMARY KEY, sale_id TEXT NOT NULL REFERENCES sale(id), position INTEGER NOT NULL,
       product_id TEXT NOT NULL, sku TEXT NOT NULL, name TEXT NOT NULL, quantity INTEGER NOT NULL,
       unit_price_minor INTEGER NOT NULL, tax_rate_bp INTEGER NOT NULL, line_total_minor INTEGER NOT NULL,
       UNIQUE (sale_id, position)
     ) STRICT`,
    `CREATE TABLE payment (
       id TEXT PRIMARY KEY, sale_id TEXT NOT NULL REFERENCES sale(id), tender TEXT NOT NULL,
       amount_minor INTEGER NOT NULL CHECK (amount_minor > 0)
     ) STRICT`,
    `CREATE INDEX payment_sale ON payment(sale_id)`,
    `CREATE TABLE stock_movement (
       id TEXT PRIMARY KEY, product_id TEXT NOT NULL, quantity_delta INTEGER NOT NULL,
       reason TEXT NOT NULL, ref_id TEXT, created_at TEXT NOT NULL
     ) STRICT`,
    `CREATE INDEX stock_movement_product ON stock_movement(product_id)`,
    // Facts waiting for the sync server, written in the same transaction as the business change.
    `CREATE TABLE outbox (
       seq INTEGER PRIMARY KEY AUTOINCREMENT, event_id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
       payload TEXT NOT NULL, created_at TEXT NOT NULL, acked_at TEXT
     ) STRICT`,
  ]),
};
