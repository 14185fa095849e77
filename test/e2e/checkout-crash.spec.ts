// The cart in progress survives a crash: edits (quantity, discount, note, a parked sale) are made
// over HTTP, the web host is killed with SIGKILL mid-sale (no shutdown code runs), and a new host
// on the same data directory shows exactly the same cart and parked sale.
import { DEMO_BARCODES, DEMO_PEOPLE } from '../../src-main/core/demo/seed-demo-store';
import { expect, test } from './support/fixtures';
import { startWebHost } from './support/web-host';

type Rpc = (method: string, input?: unknown) => Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;

function rpcOf(url: string): Rpc {
  return async (method, input = {}) => {
    const response = await fetch(`${url}rpc/${method}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(input) });
    return response.json();
  };
}

/** Signs the demo manager in and opens a shift if the till asks for them. */
async function startSelling(rpc: Rpc): Promise<void> {
  const people = await rpc('people.listForSignIn');
  const manager = (people.value as Array<{ id: string; name: string }>).find((p) => p.name === DEMO_PEOPLE[0].name)!;
  expect(await rpc('session.signIn', { personId: manager.id, pin: DEMO_PEOPLE[0].pin })).toMatchObject({ ok: true });
  const shift = await rpc('shift.current');
  if (shift.ok && shift.value === null) expect(await rpc('shift.open', { floatCount: [] })).toMatchObject({ ok: true });
}

test('the cart in progress survives a SIGKILL of the web host', async ({ webHost }) => {
  let rpc = rpcOf(webHost.url);
  await startSelling(rpc);
  await rpc('cart.scan', { barcode: DEMO_BARCODES.eggs });
  expect(await rpc('cart.park', { note: 'back in 5' })).toMatchObject({ ok: true });
  await rpc('cart.scan', { barcode: DEMO_BARCODES.milk });
  const scanned = await rpc('cart.scan', { barcode: DEMO_BARCODES.cola });
  const [milk, cola] = (scanned.value as { lines: Array<{ id: string }> }).lines;
  await rpc('cart.setQuantity', { lineId: milk!.id, quantity: 4 });
  await rpc('cart.setLineDiscount', { lineId: cola!.id, discount: { kind: 'percent', bp: 500 } });
  const before = await rpc('cart.setNote', { lineId: cola!.id, note: 'dented' });
  expect(before.ok).toBe(true);

  await webHost.kill('SIGKILL');
  expect(webHost.process.signalCode).toBe('SIGKILL');
  const again = await startWebHost({ dataDir: webHost.dataDir, port: webHost.port });
  try {
    rpc = rpcOf(again.url);
    await startSelling(rpc);
    const after = await rpc('cart.get');
    expect(after.value).toEqual(before.value);
    const parked = await rpc('cart.listParked');
    expect(parked.value).toEqual([expect.objectContaining({ note: 'back in 5', lineCount: 1 })]);
  } finally {
    await again.kill();
  }
});
