// Tests of the end-to-end harness itself: the web-host launcher (against a stand-in script, no
// build needed) and the wedge-scanner keyboard (against a static page).
import { test as base, expect } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { test } from './fixtures';
import { wedgeScan } from './scan';
import { startWebHost } from './web-host';

const standIn = fileURLToPath(new URL('./stand-in-host.mjs', import.meta.url));

test.describe('webHost fixture', () => {
  test.use({ webHostOptions: { entry: standIn, demo: true } });

  test('starts a host on a fresh data directory, follows baseURL and keeps the port on restart', async ({ page, webHost }) => {
    expect(webHost.url).toBe(`http://127.0.0.1:${webHost.port}/`);
    await page.goto('/');
    const first = JSON.parse((await page.locator('body').innerText()).trim());
    expect(first).toMatchObject({ data: webHost.dataDir, demo: true });

    const again = await webHost.restart();
    expect(webHost.process.exitCode ?? webHost.process.signalCode).not.toBeNull();
    expect(again.url).toBe(webHost.url);
    await page.reload();
    const second = JSON.parse((await page.locator('body').innerText()).trim());
    expect(second).toMatchObject({ data: webHost.dataDir, demo: true });
    expect(second.pid).not.toBe(first.pid);
  });
});

base('a host that dies before it is ready fails with its output', async () => {
  const started = startWebHost({ entry: standIn, env: { POS_STAND_IN: 'crash' } });
  await expect(started).rejects.toThrow(/exited \(code 3[\s\S]*database from the future/);
});

base('a missing build is named', async () => {
  await expect(startWebHost({ entry: '/nonexistent/main.mjs' })).rejects.toThrow(/npm run build/);
});

base('wedgeScan types trusted key events with US-layout codes, Shift and the terminator', async ({ page }) => {
  await page.setContent(`<input id="field"><script>
    window.keys = [];
    document.addEventListener('keydown', (e) => window.keys.push([e.key, e.code, e.keyCode, e.shiftKey, e.isTrusted]));
  </script>`);
  const field = page.locator('#field');
  await field.focus();
  const code = '*0A1-b $/+%';
  await wedgeScan(page, code);
  await expect(field).toHaveValue(code);
  const keys = await page.evaluate(() => (window as unknown as { keys: [string, string, number, boolean, boolean][] }).keys);
  expect(keys.every((k) => k[4])).toBe(true);
  expect(keys.filter((k) => k[0] !== 'Shift').map((k) => k[0]).join('')).toBe(`${code}Enter`);
  expect(keys.slice(0, 4)).toEqual([
    ['Shift', 'ShiftLeft', 16, true, true],
    ['*', 'Digit8', 56, true, true],
    ['0', 'Digit0', 48, false, true],
    ['Shift', 'ShiftLeft', 16, true, true],
  ]);
  expect(keys.find((k) => k[0] === 'A')).toEqual(['A', 'KeyA', 65, true, true]);
  expect(keys.find((k) => k[0] === '-')).toEqual(['-', 'Minus', 189, false, true]);
  expect(keys.at(-1)).toEqual(['Enter', 'Enter', 13, false, true]);

  await field.fill('');
  await wedgeScan(page, '42', { terminator: null, interKeyDelayMs: 60 });
  await expect(field).toHaveValue('42');
  await expect(wedgeScan(page, 'é')).rejects.toThrow(/no US-layout key/);
  await expect(field).toHaveValue('42');
});
