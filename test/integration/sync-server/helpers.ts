import { newId } from '../../../src-shared/id';
import type { EnrollResponse, PushEvent } from '../../../src-shared/sync/protocol';
import type { AdminClient } from '../../../sync-server/testing';

export interface TestTerminal extends EnrollResponse {
  call<T = unknown>(method: 'GET' | 'POST', path: string, body?: unknown, init?: { credential?: string; rawBody?: string }): Promise<{ status: number; body: T }>;
}

/** Talks to a server like a terminal would (and lets a test send what a terminal never would). */
export async function enrollTerminal(baseUrl: string, code: string, name = 'Till'): Promise<TestTerminal> {
  const enrolled = await request<EnrollResponse>(baseUrl, 'POST', '/sync/v1/enroll', undefined, { protocol: 1, code, terminalName: name, appVersion: '0.1.0' });
  if (enrolled.status !== 200) throw new Error(`enroll failed: ${JSON.stringify(enrolled.body)}`);
  const terminal = enrolled.body;
  return {
    ...terminal,
    call: (method, path, body, init) => request(baseUrl, method, path, init?.credential ?? terminal.credential, body, init?.rawBody),
  };
}

export async function request<T>(baseUrl: string, method: string, path: string, credential: string | undefined, body?: unknown, rawBody?: string): Promise<{ status: number; body: T }> {
  const payload = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  const response = await fetch(new URL(path.replace(/^\//, ''), baseUrl), {
    method,
    headers: { ...(credential ? { authorization: `Bearer ${credential}` } : {}), ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
    body: payload,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

/** Imports `count` products (sku P0001 …) and returns their ids by sku. */
export async function seedCatalog(admin: AdminClient, count: number): Promise<string[]> {
  const lines = ['sku,name,price_minor,tax_class,category,barcodes'];
  for (let i = 1; i <= count; i++) lines.push(`P${String(i).padStart(4, '0')},Product ${i},${100 * i},STD,Food,${4_000_000_000_000 + i}`);
  const imported = await admin.call('POST', '/api/v1/catalog/import', lines.join('\n'), 'text/csv');
  if (imported.status !== 200) throw new Error(`import failed: ${JSON.stringify(imported.body)}`);
  const products = await admin.call<{ id: string; sku: string }[]>('GET', `/api/v1/products?limit=${Math.min(count, 1000)}`);
  return products.body.map((p) => p.id);
}

/** A valid `sale.completed` event of `terminal` selling one unit of `productId`. */
export function saleEvent(terminal: EnrollResponse, seq: number, productId: string, quantity = 1): PushEvent {
  const saleId = newId();
  const price = 250;
  return {
    eventId: newId(),
    seq,
    type: 'sale.completed',
    occurredAt: new Date().toISOString(),
    payload: {
      storeId: terminal.storeId,
      terminalId: terminal.terminalId,
      sale: {
        id: saleId,
        receiptNo: `${terminal.terminalCode}-${terminal.installEpoch}-${seq}`,
        createdAt: new Date().toISOString(),
        lines: [{ id: newId(), productId, sku: 'X', name: 'X', quantity, unitPriceMinor: price, taxRateBp: 2000, lineTotalMinor: price * quantity }],
        totals: { itemCount: quantity, subtotalMinor: price * quantity, taxMinor: 0, totalMinor: price * quantity, taxes: [] },
        payments: [{ id: newId(), tender: 'cash', amountMinor: price * quantity }],
        tenderedMinor: price * quantity,
        changeMinor: 0,
      },
    },
  };
}

export const pushBody = (terminal: EnrollResponse, events: PushEvent[], installEpoch = terminal.installEpoch) =>
  ({ protocol: 1, terminalId: terminal.terminalId, installEpoch, events });
