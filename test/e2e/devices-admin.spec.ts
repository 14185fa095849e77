// Admin → Devices (issue 5): the owner (a manager lacks `settings`) adds the simulated Epson network printer (running in this
// process on a loopback port), prints a test page, tests the drawer, and tries the scanner test
// field. The web host starts without POS_PRINTER: the printer exists only once it is added here.
import { SimPrinter } from '../../src-main/hardware/sim/printer/sim-printer';
import { expect, test as base } from './support/fixtures';
import { DEMO_MANAGER, DEMO_OWNER, enterAdmin, startTill } from './support/session';

const test = base.extend<{ sim: SimPrinter }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; the simulator has none.
  sim: async ({}, use) => {
    const sim = new SimPrinter();
    await sim.listen();
    await use(sim);
    await sim.close();
  },
});

test('the owner adds a network printer, prints a test page, opens the drawer and tests a scan', async ({ page, webHost, sim }, testInfo) => {
  test.setTimeout(90_000);
  await page.goto(webHost.url);
  await startTill(page, DEMO_MANAGER);
  // Saving a device needs `settings`, which the default manager role lacks: the owner (admin) does it.
  await enterAdmin(page, DEMO_OWNER);

  await page.getByTestId('admin-tab-devices').click();
  await expect(page.getByTestId('devices-admin')).toContainText('No receipt printer is configured yet.');
  await page.getByTestId('device-add').click();
  await page.getByTestId('printer-name').fill('Front counter');
  await page.getByTestId('printer-address').fill('not an address');
  await page.getByTestId('printer-save').click();
  await expect(page.getByTestId('form-error')).toContainText('a network printer needs host:port');
  await page.getByTestId('printer-address').fill(sim.url.replace('tcp://', ''));
  await page.getByTestId('printer-width').selectOption('48');
  await page.getByTestId('printer-code-page').selectOption('cp858');
  await page.getByTestId('printer-drawer-pin').selectOption('5');
  await page.getByTestId('printer-drawer-on').fill('100');
  await page.getByTestId('printer-save').click();
  await expect(page.getByTestId('devices-notice')).toHaveText('Printer saved.');
  await expect(page.getByTestId('device-row')).toHaveCount(1);
  await expect(page.getByTestId('device-status')).toHaveText('Printer ready', { timeout: 15_000 });

  await page.getByTestId('device-test-page').click();
  await expect(page.getByTestId('devices-notice')).toHaveText('Test page sent to Front counter.');
  await sim.waitFor(() => sim.jobs.some((job) => job.complete));
  const printed = sim.jobs.find((job) => job.complete)!.decoded.lines.join('\n');
  expect(printed).toContain('Front counter');
  expect(printed).toContain('48 characters per line, code page cp858');

  // ESC p m t1 t2 with m=1 (pin 5), t1 = 100 ms / 2, t2 = 500 ms / 2.
  await page.getByTestId('drawer-note').fill('testing the drawer');
  await page.getByTestId('device-open-drawer').click();
  await expect(page.getByTestId('devices-notice')).toHaveText('Drawer opening sent to Front counter.');
  await sim.waitFor(() => sim.drawerKicks.length === 1);
  expect([...sim.drawerKicks[0]!.bytes]).toEqual([0x1b, 0x70, 0x01, 50, 250]);

  // A UPC-A typed into the test field: shown raw and as its EAN-13, the cart untouched.
  await page.getByTestId('scanner-test-input').fill('012345678905');
  await page.getByTestId('scanner-test-input').press('Enter');
  await expect(page.getByTestId('scanner-test-raw')).toHaveText('012345678905');
  await expect(page.getByTestId('scanner-test-code')).toHaveText('0012345678905');
  await expect(page.getByTestId('scanner-test-format')).toContainText('upc-a');
  await page.screenshot({ path: testInfo.outputPath('devices-admin.png'), fullPage: true });
});
