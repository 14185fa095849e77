import { z } from 'zod';

/**
 * Request and response bodies of the sync server's admin API (`/api/v1/…`), on which the central
 * office web app will stand. Authentication: `POST /api/v1/login` gives a session token, sent as
 * `Authorization: Bearer <token>`. Errors are `SyncError` bodies (./protocol.ts).
 */
const uuid = z.string().uuid();

export const LoginRequest = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).strict();
export type LoginRequest = z.infer<typeof LoginRequest>;
export const LoginResponse = z.object({ token: z.string(), expiresAt: z.string() });
export type LoginResponse = z.infer<typeof LoginResponse>;

export const CreateStoreRequest = z.object({
  name: z.string().min(1).max(100),
  locale: z.string().min(2).max(35).default('en-GB'),
  currency: z.string().length(3).default('EUR'),
  currencyDigits: z.number().int().min(0).max(3).default(2),
  timeZone: z.string().min(1).max(64).default('UTC'),
  pricesIncludeTax: z.boolean().default(true),
  address: z.string().max(500).default(''),
}).strict();
export type CreateStoreRequest = z.infer<typeof CreateStoreRequest>;

export const AdminStore = z.object({
  id: uuid, name: z.string(), locale: z.string(), currency: z.string(), currencyDigits: z.number().int(),
  timeZone: z.string(), pricesIncludeTax: z.boolean(), address: z.string(),
});
export type AdminStore = z.infer<typeof AdminStore>;

export const AdminTerminal = z.object({
  id: uuid, storeId: uuid, name: z.string(), code: z.string(), installEpoch: z.number().int(),
  appVersion: z.string(), enrolledAt: z.string(), revokedAt: z.string().nullable(), lastSeen: z.string().nullable(),
  clockOffsetMs: z.number().int().nullable(), cloneSuspected: z.boolean(),
});
export type AdminTerminal = z.infer<typeof AdminTerminal>;

export const CreateEnrollmentCodeRequest = z.object({
  /** How long the code stays usable; one use only. */
  validHours: z.number().int().min(1).max(24 * 14).default(24),
}).strict();
export type CreateEnrollmentCodeRequest = z.infer<typeof CreateEnrollmentCodeRequest>;
export const EnrollmentCodeResponse = z.object({ code: z.string(), storeId: uuid, expiresAt: z.string() });
export type EnrollmentCodeResponse = z.infer<typeof EnrollmentCodeResponse>;

export const PutTaxRateRequest = z.object({ name: z.string().min(1).max(60), rateBp: z.number().int().min(0).max(10_000) }).strict();
export type PutTaxRateRequest = z.infer<typeof PutTaxRateRequest>;

/** CSV columns of `POST /api/v1/catalog/import` (Content-Type: text/csv, header row required). */
export const CATALOG_CSV_COLUMNS = ['sku', 'name', 'price_minor', 'tax_class', 'category', 'barcodes'] as const;

export const CsvRowError = z.object({ line: z.number().int(), message: z.string() });
export type CsvRowError = z.infer<typeof CsvRowError>;
export const CatalogImportResponse = z.object({ created: z.number().int(), updated: z.number().int() });
export type CatalogImportResponse = z.infer<typeof CatalogImportResponse>;
/** 400 answer of a refused import: nothing was imported. */
export const CatalogImportRefused = z.object({
  error: z.object({ code: z.literal('INVALID_REQUEST'), message: z.string() }),
  rowErrors: z.array(CsvRowError),
});
export type CatalogImportRefused = z.infer<typeof CatalogImportRefused>;

export const AdminProduct = z.object({
  id: uuid, sku: z.string(), name: z.string(), priceMinor: z.number().int(), taxClass: z.string(),
  category: z.string().nullable(), barcodes: z.array(z.string()), active: z.boolean(),
});
export type AdminProduct = z.infer<typeof AdminProduct>;

export const PatchProductRequest = z.object({
  name: z.string().min(1).max(200).optional(),
  priceMinor: z.number().int().nonnegative().safe().optional(),
  taxClass: z.string().min(1).max(40).optional(),
  category: z.string().min(1).max(100).nullable().optional(),
  barcodes: z.array(z.string().regex(/^[0-9A-Za-z]{1,64}$/)).max(50).optional(),
  active: z.boolean().optional(),
}).strict();
export type PatchProductRequest = z.infer<typeof PatchProductRequest>;

export const PutRoleRequest = z.object({ name: z.string().min(1).max(60), permissions: z.array(z.string().min(1).max(60)).max(100) }).strict();
export type PutRoleRequest = z.infer<typeof PutRoleRequest>;
export const AdminRole = z.object({ id: uuid, storeId: uuid, name: z.string(), permissions: z.array(z.string()) });
export type AdminRole = z.infer<typeof AdminRole>;

export const PutPersonRequest = z.object({ name: z.string().min(1).max(100), roleId: uuid, active: z.boolean().default(true) }).strict();
export type PutPersonRequest = z.infer<typeof PutPersonRequest>;
export const AdminPerson = z.object({ id: uuid, storeId: uuid, name: z.string(), roleId: uuid, active: z.boolean() });
export type AdminPerson = z.infer<typeof AdminPerson>;

export const QuarantinedEvent = z.object({
  eventId: uuid, storeId: uuid, terminalId: uuid, installEpoch: z.number().int(), seq: z.number().int(),
  type: z.string(), occurredAt: z.string(), receivedAt: z.string(), reason: z.string().nullable(), payload: z.unknown(),
});
export type QuarantinedEvent = z.infer<typeof QuarantinedEvent>;
