import type { ColumnType, Generated } from 'kysely';

/** Kysely table types for ../migrations (keep in step with them). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** `bigint` comes back from `pg` as a string; we write numbers. */
type BigIntCol = ColumnType<string, number | bigint | string, number | bigint | string>;
type Json = ColumnType<unknown, string, string>;

export interface StoresTable {
  id: string;
  name: string;
  locale: Generated<string>;
  currency: Generated<string>;
  currency_digits: Generated<number>;
  time_zone: Generated<string>;
  prices_include_tax: Generated<boolean>;
  address: Generated<string>;
  created_at: Generated<Date>;
}

export interface TerminalsTable {
  id: string;
  store_id: string;
  name: string;
  code: string;
  credential_hash: Buffer;
  install_epoch: Generated<number>;
  app_version: Generated<string>;
  enrolled_at: Generated<Date>;
  revoked_at: Timestamp | null;
  last_seen: Timestamp | null;
  clock_offset_ms: BigIntCol | null;
  clone_suspected: Generated<boolean>;
}

export interface TerminalEpochsTable {
  terminal_id: string;
  install_epoch: number;
  last_seq: BigIntCol;
}

export interface EnrollmentCodesTable {
  code_hash: Buffer;
  store_id: string;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  used_by: string | null;
  created_at: Generated<Date>;
}

export interface EventsTable {
  event_id: string;
  store_id: string;
  terminal_id: string;
  install_epoch: number;
  seq: BigIntCol;
  type: string;
  occurred_at: Timestamp;
  received_at: Generated<Date>;
  payload: Json;
  status: 'accepted' | 'quarantined';
  reason: string | null;
}

export interface SalesTable {
  id: string;
  event_id: string;
  store_id: string;
  terminal_id: string;
  receipt_no: string;
  created_at: Timestamp;
  item_count: number;
  subtotal_minor: BigIntCol;
  tax_minor: BigIntCol;
  total_minor: BigIntCol;
  tendered_minor: BigIntCol;
  change_minor: BigIntCol;
}

export interface StockMovementsTable {
  id: Generated<string>;
  store_id: string;
  product_id: string;
  quantity_delta: number;
  reason: string;
  event_id: string;
  occurred_at: Timestamp;
}

export interface ChangeCountersTable {
  stream: string;
  scope: string;
  last_position: BigIntCol;
}

export interface ChangesTable {
  stream: string;
  scope: string;
  position: BigIntCol;
  store_id: string | null;
  entity: string;
  entity_id: string;
  op: 'upsert' | 'delete';
  data: Json | null;
  created_at: Generated<Date>;
}

export interface TaxRatesTable { id: string; code: string; name: string; rate_bp: number }
export interface CategoriesTable { id: string; name: string }

export interface ProductsTable {
  id: string;
  sku: string;
  name: string;
  price_minor: BigIntCol;
  tax_rate_id: string;
  category_id: string | null;
  active: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface BarcodesTable { code: string; product_id: string }

export interface RolesTable { id: string; store_id: string; name: string; permissions: Json }

export interface PeopleTable {
  id: string;
  store_id: string;
  name: string;
  role_id: string;
  active: Generated<boolean>;
  updated_at: Generated<Date>;
}

export interface AdminAccountsTable {
  id: string;
  username: string;
  password_hash: string;
  role: Generated<string>;
  created_at: Generated<Date>;
}

export interface AdminSessionsTable { token_hash: Buffer; account_id: string; expires_at: Timestamp }

export interface ServerDatabase {
  stores: StoresTable;
  terminals: TerminalsTable;
  terminal_epochs: TerminalEpochsTable;
  enrollment_codes: EnrollmentCodesTable;
  events: EventsTable;
  sales: SalesTable;
  stock_movements: StockMovementsTable;
  change_counters: ChangeCountersTable;
  changes: ChangesTable;
  tax_rates: TaxRatesTable;
  categories: CategoriesTable;
  products: ProductsTable;
  barcodes: BarcodesTable;
  roles: RolesTable;
  people: PeopleTable;
  admin_accounts: AdminAccountsTable;
  admin_sessions: AdminSessionsTable;
}
