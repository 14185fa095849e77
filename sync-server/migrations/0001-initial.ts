import { sql, type Kysely } from 'kysely';

/**
 * The central schema. Facts (`events`) are stored once by their terminal-made `event_id`;
 * `sales` and `stock_movements` are projections of accepted facts. `changes` is the change log
 * terminals pull, with positions allocated in commit order from `change_counters` (see
 * ../changes/append.ts). Reference data (catalog, people) is authored here and logged to `changes`
 * in the same transaction as the edit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE stores (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      locale text NOT NULL DEFAULT 'en-GB',
      currency text NOT NULL DEFAULT 'EUR',
      currency_digits integer NOT NULL DEFAULT 2,
      time_zone text NOT NULL DEFAULT 'UTC',
      prices_include_tax boolean NOT NULL DEFAULT true,
      address text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE terminals (
      id uuid PRIMARY KEY,
      store_id uuid NOT NULL REFERENCES stores (id),
      name text NOT NULL,
      code text NOT NULL,
      credential_hash bytea NOT NULL UNIQUE,
      install_epoch integer NOT NULL DEFAULT 1,
      app_version text NOT NULL DEFAULT '',
      enrolled_at timestamptz NOT NULL DEFAULT now(),
      revoked_at timestamptz,
      last_seen timestamptz,
      clock_offset_ms bigint,
      clone_suspected boolean NOT NULL DEFAULT false,
      UNIQUE (store_id, code)
    );
    CREATE TABLE terminal_epochs (
      terminal_id uuid NOT NULL REFERENCES terminals (id),
      install_epoch integer NOT NULL,
      last_seq bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (terminal_id, install_epoch)
    );
    CREATE TABLE enrollment_codes (
      code_hash bytea PRIMARY KEY,
      store_id uuid NOT NULL REFERENCES stores (id),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      used_by uuid,
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE events (
      event_id uuid PRIMARY KEY,
      store_id uuid NOT NULL REFERENCES stores (id),
      terminal_id uuid NOT NULL REFERENCES terminals (id),
      install_epoch integer NOT NULL,
      seq bigint NOT NULL,
      type text NOT NULL,
      occurred_at timestamptz NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      payload jsonb NOT NULL,
      status text NOT NULL CHECK (status IN ('accepted', 'quarantined')),
      reason text
    );
    CREATE INDEX events_by_terminal ON events (terminal_id, install_epoch, seq);
    CREATE INDEX events_quarantined ON events (store_id, received_at) WHERE status = 'quarantined';
    CREATE TABLE sales (
      id text PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE REFERENCES events (event_id),
      store_id uuid NOT NULL REFERENCES stores (id),
      terminal_id uuid NOT NULL REFERENCES terminals (id),
      receipt_no text NOT NULL,
      created_at timestamptz NOT NULL,
      item_count integer NOT NULL,
      subtotal_minor bigint NOT NULL,
      tax_minor bigint NOT NULL,
      total_minor bigint NOT NULL,
      tendered_minor bigint NOT NULL,
      change_minor bigint NOT NULL
    );
    CREATE INDEX sales_by_receipt ON sales (store_id, receipt_no);
    CREATE TABLE stock_movements (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      store_id uuid NOT NULL REFERENCES stores (id),
      product_id uuid NOT NULL,
      quantity_delta integer NOT NULL,
      reason text NOT NULL,
      event_id uuid NOT NULL REFERENCES events (event_id),
      occurred_at timestamptz NOT NULL
    );
    CREATE INDEX stock_movements_by_product ON stock_movements (store_id, product_id);
    CREATE TABLE change_counters (
      stream text NOT NULL,
      scope text NOT NULL,
      last_position bigint NOT NULL,
      PRIMARY KEY (stream, scope)
    );
    CREATE TABLE changes (
      stream text NOT NULL,
      scope text NOT NULL,
      position bigint NOT NULL,
      store_id uuid,
      entity text NOT NULL,
      entity_id text NOT NULL,
      op text NOT NULL CHECK (op IN ('upsert', 'delete')),
      data jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (stream, scope, position)
    );
    CREATE TABLE tax_rates (
      id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      rate_bp integer NOT NULL CHECK (rate_bp BETWEEN 0 AND 10000)
    );
    CREATE TABLE categories (
      id uuid PRIMARY KEY,
      name text NOT NULL UNIQUE
    );
    CREATE TABLE products (
      id uuid PRIMARY KEY,
      sku text NOT NULL UNIQUE,
      name text NOT NULL,
      price_minor bigint NOT NULL CHECK (price_minor >= 0),
      tax_rate_id uuid NOT NULL REFERENCES tax_rates (id),
      category_id uuid REFERENCES categories (id),
      active boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE barcodes (
      code text PRIMARY KEY,
      product_id uuid NOT NULL REFERENCES products (id)
    );
    CREATE INDEX barcodes_by_product ON barcodes (product_id);
    CREATE TABLE roles (
      id uuid PRIMARY KEY,
      store_id uuid NOT NULL REFERENCES stores (id),
      name text NOT NULL,
      permissions jsonb NOT NULL DEFAULT '[]',
      UNIQUE (store_id, name)
    );
    CREATE TABLE people (
      id uuid PRIMARY KEY,
      store_id uuid NOT NULL REFERENCES stores (id),
      name text NOT NULL,
      role_id uuid NOT NULL REFERENCES roles (id),
      active boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE admin_accounts (
      id uuid PRIMARY KEY,
      username text NOT NULL UNIQUE,
      password_hash text NOT NULL,
      role text NOT NULL DEFAULT 'owner',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE admin_sessions (
      token_hash bytea PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES admin_accounts (id),
      expires_at timestamptz NOT NULL
    );
  `.execute(db);
}
