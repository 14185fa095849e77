// The checkout's calls travel over the web host's WebSocket (src-renderer/transport/socket-transport.ts):
// a fetch round trip costs Chromium several times a socket message, and a scan waits for one call.
// The HTTP fallback and reconnection are unit-tested (socket-transport.test.ts).
import { DEMO_BARCODES } from '../../src-main/core/demo/seed-demo-store';
import { expect, test } from './support/fixtures';
import { wedgeScan } from './support/scan';
import { startTill } from './support/session';

test('the checkout sends its scans over the WebSocket, not over POST /rpc', async ({ page, webHost }) => {
  const socketCalls: string[] = [];
  const httpCalls: string[] = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', (frame) => socketCalls.push((JSON.parse(String(frame.payload)) as { method: string }).method));
  });
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/rpc/')) httpCalls.push(path.slice('/rpc/'.length));
  });
  await page.goto(webHost.url);
  await startTill(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await wedgeScan(page, DEMO_BARCODES.milk);
  await wedgeScan(page, DEMO_BARCODES.bread);
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  expect(socketCalls.filter((method) => method === 'cart.scan')).toHaveLength(2);
  expect(httpCalls).not.toContain('cart.scan');
});
