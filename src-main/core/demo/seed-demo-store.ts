import { makeEan13 } from '../../../src-shared/barcode/ean';
import type { LocalStore } from '../db/local-store';
import type { Clock, IdGenerator } from '../deps';
import { hashPin } from '../people/pin-hash';
import { DEMO_CATEGORIES, type DemoRate } from './demo-catalog';

/**
 * The demo store, so that a fresh terminal (`--demo`, `npm run gen:catalog`) can sell at once.
 * Every value is fixed: the same SKUs and barcodes on every machine, for tests and the README.
 */
export const DEMO_STORE = {
  name: 'Tillpoint Demo Market',
  locale: 'en-GB',
  currency: 'GBP',
  currencyDigits: 2,
  timeZone: 'Europe/London',
  address: '1 High Street\nLondon SW1A 1AA',
  footer: 'Thank you for shopping with us!\nReceipts are needed for refunds.',
  terminalCode: 'T01',
} as const;

/** UK VAT rates in basis points: standard 20 %, reduced 5 % (https://www.gov.uk/vat-rates). */
export const DEMO_TAX_RATES: Record<DemoRate, { name: string; rateBp: number }> = {
  standard: { name: 'VAT standard 20%', rateBp: 2000 },
  reduced: { name: 'VAT reduced 5%', rateBp: 500 },
};

/**
 * Role ids are the defaults of migrations/0004 (src-shared/domain/people.ts DEFAULT_ROLES). The
 * default manager role lacks `settings`, and nobody grants what they do not hold
 * (core/people/grant-rules.ts): the owner, an Administrator, holds every permission.
 */
export const DEMO_PEOPLE = [
  { name: 'Morgan Manager', role: 'manager', pin: '1234' },
  { name: 'Casey Cashier', role: 'cashier', pin: '0000' },
  { name: 'Olive Owner', role: 'admin', pin: '2468' },
] as const;

/**
 * What `seedDemoStore` writes unless told otherwise: no sign-in and no shift needed, for tests and
 * machine-driven runs (fault suite, benchmarks) that ring sales up over the contract. The demo a
 * person sees (`--demo` in both hosts) requires both, as a real store does: DEMO_TILL_CONTROL_SETTINGS.
 */
export const DEMO_CONTROL_SETTINGS = { requireSignIn: false, requireShift: false } as const;

/** The hosts' demo (issue 4): sign in (Casey 0000, Morgan 1234, Olive 2468) and open a shift before selling. `POS_DEMO_OPEN=1` opts out. */
export const DEMO_TILL_CONTROL_SETTINGS = { requireSignIn: true, requireShift: true } as const;

/**
 * Demo barcodes are EAN-13 with the prefix 5012345 and the product's number (DEMO-0001 → 00001)
 * in the next five digits. `50` is GS1 UK's range; the company prefix is made up for the demo.
 */
export const DEMO_BARCODE_PREFIX = '5012345';

export const demoSku = (number: number): string => `DEMO-${String(number).padStart(4, '0')}`;
export const demoBarcode = (number: number): string => makeEan13(DEMO_BARCODE_PREFIX + String(number).padStart(5, '0'));

/** A few products to scan by hand or in tests (kept in step with demo-catalog.ts by a test). */
export const DEMO_BARCODES = {
  /** White Sliced Bread 800g, £1.40, 5 % */
  bread: '5012345000015',
  /** Semi-Skimmed Milk 2 Pints, £1.55, 5 % */
  milk: '5012345000213',
  /** Free Range Eggs 6 Pack, £1.99, 5 % */
  eggs: '5012345000374',
  /** Bananas Loose Each, £0.18, 5 % */
  banana: '5012345000411',
  /** Cola 2L, £2.25, 20 % */
  cola: '5012345001210',
  /** Milk Chocolate Bar 100g, £1.25, 20 % */
  chocolate: '5012345001463',
  /** Washing-Up Liquid 450ml, £1.25, 20 % */
  washingUpLiquid: '5012345001616',
} as const;

export interface SeedDemoOptions {
  readonly clock: Clock;
  readonly ids: IdGenerator;
  /** Sign-in and shift rules to seed; default DEMO_CONTROL_SETTINGS (both off). */
  readonly control?: { readonly requireSignIn: boolean; readonly requireShift: boolean };
}

/**
 * Fills an empty terminal database with the demo store in one transaction. Does nothing (and
 * says so) when the database already has a store, enrolled or seeded before.
 */
export async function seedDemoStore(store: LocalStore, options: SeedDemoOptions): Promise<{ seeded: boolean }> {
  const { clock, ids } = options;
  if (await store.db.selectFrom('store').select('id').limit(1).executeTakeFirst()) return { seeded: false };
  // Hashing is slow on purpose (scrypt); do it before the transaction so it never holds the lock.
  const people = await Promise.all(DEMO_PEOPLE.map(async (person) => ({ ...person, hash: await hashPin(person.pin) })));
  const now = clock.now().toISOString();

  return store.withTransaction(async (trx) => {
    // Checked again inside the transaction: the answer above may be stale by now.
    const existing = await trx.selectFrom('store').select('id').limit(1).executeTakeFirst();
    if (existing) return { seeded: false };

    const storeId = ids.next();
    const terminalId = ids.next();
    await trx.insertInto('store').values({
      id: storeId, name: DEMO_STORE.name, locale: DEMO_STORE.locale, currency: DEMO_STORE.currency,
      currency_digits: DEMO_STORE.currencyDigits, time_zone: DEMO_STORE.timeZone, prices_include_tax: 1,
      address: DEMO_STORE.address, receipt_footer: DEMO_STORE.footer,
    }).execute();
    await trx.insertInto('terminal').values({
      id: terminalId, store_id: storeId, code: DEMO_STORE.terminalCode, name: 'Till 1', install_epoch: 1, last_receipt_seq: 0,
    }).execute();
    await trx.insertInto('meta').values([{ key: 'store_id', value: storeId }, { key: 'terminal_id', value: terminalId }]).execute();

    const rateIds = { standard: ids.next(), reduced: ids.next() } satisfies Record<DemoRate, string>;
    await trx.insertInto('tax_rate').values(
      (Object.keys(rateIds) as DemoRate[]).map((rate) => ({ id: rateIds[rate], name: DEMO_TAX_RATES[rate].name, rate_bp: DEMO_TAX_RATES[rate].rateBp })),
    ).execute();

    await trx.insertInto('person').values(
      people.map((person) => ({ id: ids.next(), name: person.name, role: person.role, pin_hash: person.hash, active: 1 })),
    ).execute();
    await trx.insertInto('setting').values(
      Object.entries(options.control ?? DEMO_CONTROL_SETTINGS).map(([key, value]) => ({ key, value_json: JSON.stringify(value), updated_at: now })),
    ).execute();

    let number = 0;
    for (const [sort, category] of DEMO_CATEGORIES.entries()) {
      const categoryId = ids.next();
      await trx.insertInto('category').values({ id: categoryId, name: category.name, sort }).execute();
      const products = category.products.map(([name, pricePence, rate]) => {
        number += 1;
        return {
          product: {
            id: ids.next(), sku: demoSku(number), name, category_id: categoryId, tax_rate_id: rateIds[rate],
            price_minor: pricePence, active: 1, updated_at: now,
          },
          barcode: demoBarcode(number),
        };
      });
      await trx.insertInto('product').values(products.map((p) => p.product)).execute();
      await trx.insertInto('barcode').values(products.map((p) => ({ code: p.barcode, product_id: p.product.id, pack_quantity: 1 }))).execute();
    }
    return { seeded: true };
  });
}
