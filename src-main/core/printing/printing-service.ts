import type { DeviceConfig, PrintJob, PrinterStatus } from '../../../src-shared/contract/printing-contract';
import { DomainError } from '../../../src-shared/contract/domain-error';
import type { Sale } from '../../../src-shared/domain/sale';
import type { LocalStore } from '../db/local-store';
import type { Clock, IdGenerator, Logger } from '../deps';
import type { EventHub } from '../events';
import type { DrawerReason } from '../hardware/cash-drawer';
import type { ConnectedPrinter, PrinterConnector } from '../hardware/receipt-printer';
import { receiptDocument } from '../receipt/receipt-document';
import { renderReceiptEscPos } from '../receipt/render-receipt';
import type { TerminalIdentity } from '../settings/terminal-identity';
import { createDeviceStore } from './device-store';
import { createDrawerEventLog, type DrawerLog } from './drawer-log';
import { createPrintJobStore, toPrintJob } from './print-job-store';
import { DEFAULT_BACKOFF, PrintWorker, type Backoff } from './print-worker';
import { PrinterMonitor } from './printer-monitor';
import { deviceFromPrinterUrl } from './printer-url';
import { testPageDocument } from './test-page';

/** Actions that need a permission; the people work supplies the real check. */
export type PrintingAction = 'drawer.open' | 'printer.reprint' | 'devices.save';

export interface PrintingDeps {
  local: LocalStore;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  events: EventHub;
  identity: TerminalIdentity;
  loadSale(saleId: string): Promise<Sale>;
  /** Turns a device's configuration into a printer and drawer; without it jobs only queue. */
  connector?: PrinterConnector;
  /** Throws a DomainError when the current person may not do `action`; allows everything by default. */
  authorize?: (action: PrintingAction) => Promise<void>;
  drawerLog?: DrawerLog;
  /** `POS_PRINTER` (printer-url.ts): stored as a device at start. */
  printerUrl?: string;
  backoff?: Backoff;
  statusPollMs?: number;
}

interface Attached {
  device: DeviceConfig;
  connected: ConnectedPrinter;
  worker: PrintWorker;
  monitor: PrinterMonitor;
}

/**
 * Receipts, reprints, test pages and the drawer, over the persisted queue. Nothing here is on the
 * sale path: `afterSale` only starts work and returns; the drawer kick and the print happen in the
 * background, each bounded by the printer's timeouts.
 */
export async function createPrintingService(deps: PrintingDeps) {
  const { local, clock, ids, logger, events, identity } = deps;
  const devices = createDeviceStore(local, clock);
  const jobs = createPrintJobStore(local, clock, ids);
  const drawerLog = deps.drawerLog ?? createDrawerEventLog(local, clock, ids);
  const authorize = deps.authorize ?? (async () => {});
  const attached = new Map<string, Attached>();

  let closed = false;
  /** Sends a device's status with fresh job counts; quiet once the service closed. */
  const emitStatus = (a: Attached) => {
    if (closed) return;
    statusOf(a).then((status) => {
      if (!closed) events.emit('printer.statusChanged', status);
    }, (error: unknown) => logger.warn('printer status not sent', { error: String(error) }));
  };
  const emitJob = (row: Parameters<typeof toPrintJob>[0]) => {
    if (closed) return;
    events.emit('printer.jobChanged', toPrintJob(row));
    const device = attached.get(row.device_id);
    if (device) emitStatus(device);
  };

  async function statusOf(a: Attached): Promise<PrinterStatus> {
    const counts = await jobs.counts(a.device.id);
    return { ...a.monitor.status, pendingJobs: counts.pending, failedJobs: counts.failed };
  }

  function attach(device: DeviceConfig): void {
    if (!deps.connector || !device.enabled) return;
    const connected = deps.connector(device);
    const monitor = new PrinterMonitor(device, connected.printer, {
      changed: () => emitStatus(entry),
      recovered: () => {
        if (!closed) void jobs.clearBackoff(device.id).then(() => worker.wake(), () => {});
      },
      drawerLeftOpen: (openSince, seconds) => events.emit('drawer.leftOpen', { deviceId: device.id, openSince, seconds }),
    }, { clock, logger, pollMs: deps.statusPollMs ?? 2_000 });
    const worker = new PrintWorker({
      deviceId: device.id, jobs, printer: connected.printer, clock, logger, backoff: deps.backoff ?? DEFAULT_BACKOFF,
      render: (job) => (job.document !== null ? renderReceiptEscPos(job.document, { width: device.widthChars, encoding: device.codePage }) : job.payload!),
      onJobChanged: emitJob,
      onPrinterProblem: (snapshot, error) => monitor.update(snapshot, snapshot ? null : error),
    });
    const entry: Attached = { device, connected, worker, monitor };
    attached.set(device.id, entry);
    monitor.start();
    worker.start();
  }

  async function detach(id: string): Promise<void> {
    const entry = attached.get(id);
    if (!entry) return;
    attached.delete(id);
    await entry.monitor.stop();
    // Closing the printer first ends a print that waits for paper (it fails as unconfirmed, as it
    // would after a restart) so that the worker can stop.
    const stopping = entry.worker.stop();
    await entry.connected.printer.close().catch(() => {});
    await stopping;
  }

  async function defaultPrinter(deviceId?: string): Promise<DeviceConfig> {
    const device = deviceId ? await devices.get(deviceId) : await devices.defaultPrinter();
    if (!device) throw new DomainError('NOT_FOUND', deviceId ? 'No printer with that id.' : 'No receipt printer is configured: add one in the device settings.');
    return device;
  }

  /** Persists a receipt job; the worker is woken separately (after the drawer kick of a sale). */
  async function queueReceipt(sale: Sale, copy: boolean): Promise<{ job: PrintJob; deviceId: string } | undefined> {
    const device = await devices.defaultPrinter();
    if (!device) return undefined;
    const document = receiptDocument(sale, identity.store, identity.terminal, { copy, width: device.widthChars });
    const { row } = await jobs.enqueue({ deviceId: device.id, kind: 'receipt', saleId: sale.id, receiptNo: sale.receiptNo, copy, document });
    emitJob(row);
    return { job: toPrintJob(row), deviceId: device.id };
  }
  const wake = (deviceId: string) => attached.get(deviceId)?.worker.wake();

  /** Logs the opening and starts the kick; `sent` settles once the printer took it (or refused). */
  async function kickDrawer(reason: DrawerReason, options: { deviceId?: string; saleId?: string; note?: string }) {
    const device = await defaultPrinter(options.deviceId);
    const eventId = await drawerLog.opened({ deviceId: device.id, reason, saleId: options.saleId, note: options.note });
    const drawer = attached.get(device.id)?.connected.drawer;
    if (!drawer) {
      await drawerLog.settled(eventId, 'failed', 'the printer is not connected');
      return { eventId, queued: false, sent: Promise.resolve() };
    }
    const sent = drawer.open(reason).then(
      () => drawerLog.settled(eventId, 'sent'),
      (error: unknown) => {
        logger.warn('drawer kick failed', { deviceId: device.id, error: String(error) });
        return drawerLog.settled(eventId, 'failed', (error as Error).message);
      },
    ).catch((error: unknown) => logger.error('drawer log failed', { error: String(error) }));
    return { eventId, queued: true, sent };
  }

  const interrupted = await jobs.failInterrupted();
  if (interrupted > 0) logger.warn('print jobs interrupted by a stop were marked failed', { count: interrupted });
  if (deps.printerUrl) await devices.save(deviceFromPrinterUrl(deps.printerUrl));
  for (const device of await devices.list()) attach(device);

  return {
    /**
     * The sale's onCommit hook: kicks the drawer for cash, then queues the receipt. Returns at once;
     * failures are logged and shown as printer status, never thrown at the sale.
     */
    afterSale(sale: Sale): void {
      void (async () => {
        // The receipt job is stored first (a crash now cannot lose it); the drawer goes first on
        // the wire (the cashier is waiting for it), then the worker prints the receipt.
        const queued = await queueReceipt(sale, false);
        if (!queued) return;
        if (sale.payments.some((p) => p.tender === 'cash')) await (await kickDrawer('sale', { saleId: sale.id, deviceId: queued.deviceId })).sent;
        wake(queued.deviceId);
      })().catch((error: unknown) => logger.error('after-sale printing failed', { saleId: sale.id, error: String(error) }));
    },

    async status(): Promise<PrinterStatus[]> {
      return Promise.all([...attached.values()].map(statusOf));
    },

    async jobs(limit: number): Promise<{ recent: PrintJob[]; failed: PrintJob[] }> {
      return { recent: await jobs.recent(limit), failed: await jobs.failed() };
    },

    async reprint(saleId: string): Promise<PrintJob> {
      await authorize('printer.reprint');
      const queued = await queueReceipt(await deps.loadSale(saleId), true);
      if (!queued) throw new DomainError('NOT_FOUND', 'No receipt printer is configured: add one in the device settings.');
      wake(queued.deviceId);
      return queued.job;
    },

    async retry(jobId: string): Promise<PrintJob> {
      const row = await jobs.retry(jobId);
      if (!row) throw new DomainError('NOT_FOUND', 'No print job with that id.');
      emitJob(row);
      wake(row.device_id);
      return toPrintJob(row);
    },

    async testPage(deviceId?: string): Promise<PrintJob> {
      const device = await defaultPrinter(deviceId);
      const { row } = await jobs.enqueue({ deviceId: device.id, kind: 'test', document: testPageDocument(device, identity, clock.now()) });
      emitJob(row);
      wake(device.id);
      return toPrintJob(row);
    },

    /**
     * Queues a receiptline document that is not a sale's receipt (a shift's X or Z report) on the
     * default printer. Returns undefined when no printer is configured: the caller says so.
     */
    async printDocument(job: { kind: 'report'; document: string }): Promise<PrintJob | undefined> {
      const device = await devices.defaultPrinter();
      if (!device) return undefined;
      const { row } = await jobs.enqueue({ deviceId: device.id, kind: job.kind, document: job.document });
      emitJob(row);
      wake(device.id);
      return toPrintJob(row);
    },

    async openDrawer(note?: string, deviceId?: string): Promise<{ eventId: string; queued: boolean }> {
      await authorize('drawer.open');
      const { eventId, queued } = await kickDrawer('noSale', { note, deviceId });
      return { eventId, queued };
    },

    listDevices: () => devices.list(),

    async saveDevice(device: DeviceConfig): Promise<DeviceConfig> {
      await authorize('devices.save');
      const saved = await devices.save(device);
      await detach(saved.id);
      attach(saved);
      return saved;
    },

    async close(): Promise<void> {
      closed = true;
      await Promise.all([...attached.keys()].map(detach));
    },
  };
}

export type PrintingService = Awaited<ReturnType<typeof createPrintingService>>;
