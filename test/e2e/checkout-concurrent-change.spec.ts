// A cart change made elsewhere (a scanner read in main, another client) while the checkout's own
// call is in flight must not leave the screen stale: the event is older or newer than the call's
// answer, so the checkout fetches the cart again once its calls are done (use-checkout.ts).
import { DEMO_BARCODES } from '../../src-main/core/demo/seed-demo-store';
import { expect, test } from './support/fixtures';
import { wedgeScan } from './support/scan';
import { startTill } from './support/session';

test('a change made in main while our scan is in flight shows once the scan is answered', async ({ page, webHost }) => {
  // The page's socket goes through this route: the answer to its scan is held until we let it go.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => { release = resolve; });
  let heldScan = false;
  await page.routeWebSocket(/\/rpc-socket(\?|$)/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      const call = JSON.parse(String(message)) as { id: number; method: string };
      if (call.method === 'cart.scan' && !heldScan) heldScan = true;
      server.send(message);
    });
    server.onMessage((message) => {
      const answer = JSON.parse(String(message)) as { envelope?: { value?: { lines?: unknown[] } } };
      const isHeldScanAnswer = heldScan && answer.envelope?.value?.lines?.length === 1;
      if (isHeldScanAnswer) void released.then(() => socket.send(message));
      else socket.send(message);
    });
  });
  await page.goto(webHost.url);
  await startTill(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  await wedgeScan(page, DEMO_BARCODES.milk); // answered with one line, held
  await expect.poll(() => heldScan).toBe(true);
  // Meanwhile bread is added in main (as a scanner read there would): its cart.changed arrives
  // while the milk scan is still in flight.
  const other = await page.request.post(`${webHost.url}rpc/cart.scan`, { data: { barcode: DEMO_BARCODES.bread } });
  expect((await other.json()).value.lines).toHaveLength(2);
  await page.waitForTimeout(300); // let the event reach the page
  release();
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
});
