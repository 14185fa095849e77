import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import { newId } from '../../src-shared/id';
import { PatchProductRequest, PutTaxRateRequest, type AdminProduct, type CatalogImportResponse } from '../../src-shared/sync/admin-api';
import { appendChanges } from '../changes/append';
import type { Db, Trx } from '../db/connect';
import { ApiError } from '../http/errors';
import { importCatalog } from './catalog-import';
import { IdParams } from './stores-routes';

/** 100,000 products as CSV are about 8 MB. */
export const MAX_CSV_BYTES = 32 * 1024 * 1024;

const TaxParams = z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/) });
const ProductQuery = z.object({ afterSku: z.string().max(64).optional(), limit: z.coerce.number().int().min(1).max(1_000).default(100) }).strict();

/** The whole current state of a product, as logged to the `catalog` stream and answered here. */
async function productState(trx: Trx | Db, id: string): Promise<AdminProduct & { taxRateId: string; taxRateBp: number; categoryId: string | null }> {
  const p = await trx.selectFrom('products').innerJoin('tax_rates', 'tax_rates.id', 'products.tax_rate_id')
    .leftJoin('categories', 'categories.id', 'products.category_id')
    .select(['products.id', 'sku', 'products.name', 'price_minor', 'tax_rates.code as taxClass', 'tax_rates.id as taxRateId', 'rate_bp', 'categories.name as category', 'category_id', 'active'])
    .where('products.id', '=', id).executeTakeFirst();
  if (!p) throw new ApiError('NOT_FOUND', `no product ${id}`);
  const barcodes = (await trx.selectFrom('barcodes').select('code').where('product_id', '=', id).orderBy('code').execute()).map((b) => b.code);
  return { id: p.id, sku: p.sku, name: p.name, priceMinor: Number(p.price_minor), taxClass: p.taxClass, taxRateId: p.taxRateId, taxRateBp: p.rate_bp, category: p.category, categoryId: p.category_id, barcodes, active: p.active };
}

export function registerCatalogRoutes(app: FastifyInstance, db: Db): void {
  app.put('/api/v1/tax-rates/:code', async (request) => {
    const { code } = TaxParams.parse(request.params);
    const body = PutTaxRateRequest.parse(request.body);
    return db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('tax_rates').values({ id: newId(), code, name: body.name, rate_bp: body.rateBp })
        .onConflict((oc) => oc.column('code').doUpdateSet({ name: body.name, rate_bp: body.rateBp })).returningAll().executeTakeFirstOrThrow();
      const data = { id: row.id, code: row.code, name: row.name, rateBp: row.rate_bp };
      await appendChanges(trx, 'catalog', null, [{ entity: 'tax_rate', id: row.id, op: 'upsert', data }]);
      return data;
    });
  });

  app.post('/api/v1/catalog/import', { bodyLimit: MAX_CSV_BYTES }, async (request): Promise<CatalogImportResponse> => {
    if (typeof request.body !== 'string') throw new ApiError('INVALID_REQUEST', 'send the catalog as Content-Type: text/csv');
    return importCatalog(db, request.body);
  });

  app.get('/api/v1/products', async (request): Promise<AdminProduct[]> => {
    const query = ProductQuery.parse(request.query);
    let q = db.selectFrom('products').innerJoin('tax_rates', 'tax_rates.id', 'products.tax_rate_id')
      .leftJoin('categories', 'categories.id', 'products.category_id')
      .select(['products.id', 'sku', 'products.name', 'price_minor', 'tax_rates.code as taxClass', 'categories.name as category', 'active'])
      .orderBy('sku').limit(query.limit);
    if (query.afterSku) q = q.where('sku', '>', query.afterSku);
    const rows = await q.execute();
    const ids = rows.map((r) => r.id);
    const barcodes = ids.length === 0 ? [] : await db.selectFrom('barcodes').select(['code', 'product_id']).where(sql<boolean>`product_id = any(${ids}::uuid[])`).orderBy('code').execute();
    return rows.map((p) => ({
      id: p.id, sku: p.sku, name: p.name, priceMinor: Number(p.price_minor), taxClass: p.taxClass, category: p.category,
      barcodes: barcodes.filter((b) => b.product_id === p.id).map((b) => b.code), active: p.active,
    }));
  });

  app.patch('/api/v1/products/:id', async (request): Promise<AdminProduct> => {
    const { id } = IdParams.parse(request.params);
    const body = PatchProductRequest.parse(request.body);
    return db.transaction().execute(async (trx) => {
      await productState(trx, id);
      const set: Record<string, unknown> = { updated_at: sql`now()` };
      if (body.name !== undefined) set.name = body.name;
      if (body.priceMinor !== undefined) set.price_minor = body.priceMinor;
      if (body.active !== undefined) set.active = body.active;
      if (body.taxClass !== undefined) {
        const tax = await trx.selectFrom('tax_rates').select('id').where('code', '=', body.taxClass).executeTakeFirst();
        if (!tax) throw new ApiError('INVALID_REQUEST', `unknown tax class ${body.taxClass}`);
        set.tax_rate_id = tax.id;
      }
      if (body.category !== undefined) set.category_id = body.category === null ? null : await categoryId(trx, body.category);
      await trx.updateTable('products').set(set).where('id', '=', id).execute();
      if (body.barcodes !== undefined) {
        const owned = await trx.selectFrom('barcodes').select(['code', 'product_id']).where('code', 'in', body.barcodes.length ? body.barcodes : ['']).where('product_id', '!=', id).execute();
        if (owned.length > 0) throw new ApiError('CONFLICT', `barcode ${owned[0]?.code} belongs to another product`);
        await trx.deleteFrom('barcodes').where('product_id', '=', id).execute();
        if (body.barcodes.length > 0) await trx.insertInto('barcodes').values([...new Set(body.barcodes)].map((code) => ({ code, product_id: id }))).execute();
      }
      const state = await productState(trx, id);
      await appendChanges(trx, 'catalog', null, [{ entity: 'product', id, op: 'upsert', data: state }]);
      const { taxRateId: _t, taxRateBp: _b, categoryId: _c, ...product } = state;
      return product;
    });
  });
}

async function categoryId(trx: Trx, name: string): Promise<string> {
  const found = await trx.selectFrom('categories').select('id').where('name', '=', name).executeTakeFirst();
  if (found) return found.id;
  const id = newId();
  await trx.insertInto('categories').values({ id, name }).execute();
  await appendChanges(trx, 'catalog', null, [{ entity: 'category', id, op: 'upsert', data: { id, name } }]);
  return id;
}
