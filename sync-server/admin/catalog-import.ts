import { sql } from 'kysely';
import { newId } from '../../src-shared/id';
import { CATALOG_CSV_COLUMNS, type CatalogImportResponse, type CsvRowError } from '../../src-shared/sync/admin-api';
import { appendChanges } from '../changes/append';
import type { Db, Trx } from '../db/connect';
import { ApiError } from '../http/errors';
import { CsvSyntaxError, parseCsv } from './csv';

export interface CatalogRow { line: number; sku: string; name: string; priceMinor: number; taxClass: string; category: string | null; barcodes: string[] }

const SKU = /^[A-Za-z0-9._\-/]{1,64}$/;
const BARCODE = /^[0-9A-Za-z]{1,64}$/;
const MAX_ROW_ERRORS = 200;
const CHUNK = 5_000;

/** Checks every row and reports every problem by line number; returns rows only if all are good. */
export function validateCatalogCsv(text: string, taxClasses: ReadonlySet<string>): { rows: CatalogRow[]; errors: CsvRowError[] } {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { rows: [], errors: [{ line: error.line, message: error.message }] };
    throw error;
  }
  const [header, ...data] = records;
  const expected = CATALOG_CSV_COLUMNS.join(',');
  if (!header || header.fields.map((f) => f.trim().toLowerCase()).join(',') !== expected) {
    return { rows: [], errors: [{ line: 1, message: `the header must be exactly: ${expected}` }] };
  }
  const errors: CsvRowError[] = [];
  const rows: CatalogRow[] = [];
  const skuLine = new Map<string, number>();
  const barcodeLine = new Map<string, number>();
  for (const { line, fields } of data) {
    const problems: string[] = [];
    if (fields.length !== CATALOG_CSV_COLUMNS.length) {
      errors.push({ line, message: `expected ${CATALOG_CSV_COLUMNS.length} fields, found ${fields.length}` });
      continue;
    }
    const [sku = '', name = '', price = '', taxClass = '', category = '', barcodeField = ''] = fields.map((f) => f.trim());
    if (!SKU.test(sku)) problems.push(`sku "${sku.slice(0, 70)}" must be 1–64 letters, digits or . _ - /`);
    else if (skuLine.has(sku)) problems.push(`sku ${sku} repeats line ${skuLine.get(sku)}`);
    if (name.length < 1 || name.length > 200) problems.push('name must be 1–200 characters');
    if (!/^\d{1,15}$/.test(price)) problems.push(`price_minor "${price.slice(0, 20)}" must be a whole number of minor units (e.g. 199 for 1.99)`);
    if (!taxClasses.has(taxClass)) problems.push(`tax_class "${taxClass.slice(0, 40)}" is not a known tax class${taxClasses.size ? ` (${[...taxClasses].slice(0, 10).join(', ')})` : ''}`);
    if (category.length > 100) problems.push('category must be at most 100 characters');
    const barcodes = barcodeField === '' ? [] : barcodeField.split('|').map((b) => b.trim());
    for (const code of barcodes) {
      if (!BARCODE.test(code)) problems.push(`barcode "${code.slice(0, 70)}" must be 1–64 letters or digits`);
      else if (barcodeLine.has(code) && barcodeLine.get(code) !== line) problems.push(`barcode ${code} is also on line ${barcodeLine.get(code)}`);
      else barcodeLine.set(code, line);
    }
    if (problems.length > 0) {
      errors.push({ line, message: problems.join('; ') });
      if (errors.length >= MAX_ROW_ERRORS) break;
      continue;
    }
    skuLine.set(sku, line);
    rows.push({ line, sku, name, priceMinor: Number(price), taxClass, category: category || null, barcodes: [...new Set(barcodes)] });
  }
  if (data.length === 0) errors.push({ line: 1, message: 'no product rows after the header' });
  return { rows: errors.length ? [] : rows, errors };
}

/**
 * All or nothing: validates every row, then upserts products by sku, sets their barcodes,
 * creates missing categories and logs every product to the `catalog` stream, in one transaction.
 */
export async function importCatalog(db: Db, text: string): Promise<CatalogImportResponse> {
  const taxRates = await db.selectFrom('tax_rates').selectAll().execute();
  const { rows, errors } = validateCatalogCsv(text, new Set(taxRates.map((t) => t.code)));
  if (errors.length > 0) throw new ApiError('INVALID_REQUEST', `catalog refused: ${errors.length} row error(s); nothing was imported`, { rowErrors: errors });
  const taxByCode = new Map(taxRates.map((t) => [t.code, t]));
  return db.transaction().execute(async (trx) => {
    const skus = rows.map((r) => r.sku);
    const existing = new Map((await trx.selectFrom('products').select(['id', 'sku']).where(sql<boolean>`sku = any(${skus}::text[])`).execute()).map((p) => [p.sku, p.id]));
    const categoryIds = await ensureCategories(trx, rows);
    const products = rows.map((r) => ({
      id: existing.get(r.sku) ?? newId(), sku: r.sku, name: r.name, price_minor: r.priceMinor,
      tax_rate_id: taxByCode.get(r.taxClass)?.id ?? '', category_id: r.category ? categoryIds.get(r.category) ?? null : null, active: true,
    }));
    const codes = rows.flatMap((r) => r.barcodes);
    const owners = await trx.selectFrom('barcodes').innerJoin('products', 'products.id', 'barcodes.product_id')
      .select(['barcodes.code', 'products.sku']).where(sql<boolean>`barcodes.code = any(${codes}::text[])`).execute();
    const inFile = new Set(skus);
    const taken = owners.filter((o) => !inFile.has(o.sku));
    if (taken.length > 0) {
      const lineOf = new Map(rows.flatMap((r) => r.barcodes.map((b) => [b, r.line] as const)));
      throw new ApiError('INVALID_REQUEST', 'catalog refused: barcodes belong to products not in this file; nothing was imported', {
        rowErrors: taken.slice(0, MAX_ROW_ERRORS).map((o) => ({ line: lineOf.get(o.code) ?? 0, message: `barcode ${o.code} belongs to sku ${o.sku}` })),
      });
    }
    for (let i = 0; i < products.length; i += CHUNK) {
      await trx.insertInto('products').values(products.slice(i, i + CHUNK)).onConflict((oc) => oc.column('sku').doUpdateSet({
        name: (eb) => eb.ref('excluded.name'), price_minor: (eb) => eb.ref('excluded.price_minor'),
        tax_rate_id: (eb) => eb.ref('excluded.tax_rate_id'), category_id: (eb) => eb.ref('excluded.category_id'),
        active: true, updated_at: sql<Date>`now()`,
      })).execute();
    }
    const ids = products.map((p) => p.id);
    await trx.deleteFrom('barcodes').where(sql<boolean>`product_id = any(${ids}::uuid[])`).execute();
    const barcodeRows = rows.flatMap((r, i) => r.barcodes.map((code) => ({ code, product_id: ids[i] ?? '' })));
    for (let i = 0; i < barcodeRows.length; i += CHUNK) await trx.insertInto('barcodes').values(barcodeRows.slice(i, i + CHUNK)).execute();
    await appendChanges(trx, 'catalog', null, products.map((p, i) => {
      const row = rows[i];
      const tax = taxByCode.get(row?.taxClass ?? '');
      return { entity: 'product', id: p.id, op: 'upsert', data: {
        id: p.id, sku: p.sku, name: p.name, priceMinor: p.price_minor, taxClass: row?.taxClass, taxRateId: p.tax_rate_id,
        taxRateBp: tax?.rate_bp, categoryId: p.category_id, category: row?.category ?? null, barcodes: row?.barcodes ?? [], active: true,
      } };
    }));
    const created = products.filter((p) => !existing.has(p.sku)).length;
    return { created, updated: products.length - created };
  });
}

async function ensureCategories(trx: Trx, rows: readonly CatalogRow[]): Promise<Map<string, string>> {
  const names = [...new Set(rows.flatMap((r) => (r.category ? [r.category] : [])))];
  if (names.length === 0) return new Map();
  const known = new Map((await trx.selectFrom('categories').selectAll().where(sql<boolean>`name = any(${names}::text[])`).execute()).map((c) => [c.name, c.id]));
  const missing = names.filter((n) => !known.has(n)).map((name) => ({ id: newId(), name }));
  if (missing.length > 0) {
    await trx.insertInto('categories').values(missing).execute();
    await appendChanges(trx, 'catalog', null, missing.map((c) => ({ entity: 'category', id: c.id, op: 'upsert', data: c })));
    for (const c of missing) known.set(c.name, c.id);
  }
  return known;
}
