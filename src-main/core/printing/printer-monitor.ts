import type { DeviceConfig, PrinterState, PrinterStatus } from '../../../src-shared/contract/printing-contract';
import type { Clock, Logger } from '../deps';
import type { PrinterSnapshot, ReceiptPrinter } from '../hardware/receipt-printer';

export function stateOf(snapshot: PrinterSnapshot | null): PrinterState {
  if (!snapshot) return 'unknown';
  if (snapshot.paperEnd) return 'paperOut';
  if (snapshot.coverOpen) return 'coverOpen';
  if (snapshot.error) return 'error';
  if (!snapshot.online) return 'offline';
  return 'ready';
}

export interface MonitorEvents {
  /** A new status (only when something the UI shows changed). */
  changed(status: Omit<PrinterStatus, 'pendingJobs' | 'failedJobs'>): void;
  /** The printer went from a problem back to ready: queued jobs may go now. */
  recovered(): void;
  /** The drawer sensor said "open" for longer than the reminder allows. */
  drawerLeftOpen(openSince: string, seconds: number): void;
}

/**
 * Polls one printer's status in the background (and takes Automatic Status Back pushes), so a
 * `printer.status` call answers from memory and never waits for a printer.
 */
export class PrinterMonitor {
  private current: Omit<PrinterStatus, 'pendingJobs' | 'failedJobs'>;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private drawerOpenAt: { iso: string; ms: number } | undefined;
  private reminded = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly device: DeviceConfig,
    private readonly printer: ReceiptPrinter,
    private readonly events: MonitorEvents,
    private readonly options: { clock: Clock; logger: Logger; pollMs: number },
  ) {
    this.current = { deviceId: device.id, name: device.name, state: 'unknown', online: false, coverOpen: false, paperEnd: false, paperNearEnd: false, drawerOpen: null, detail: null, checkedAt: null };
    this.unsubscribe = printer.onStatus((snapshot) => this.update(snapshot, null));
  }

  get status(): Omit<PrinterStatus, 'pendingJobs' | 'failedJobs'> {
    return this.current;
  }

  private polling: Promise<void> = Promise.resolve();

  start(): void {
    const tick = () => {
      if (this.stopped) return;
      this.polling = this.poll().then(() => {
        if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs);
      });
    };
    tick();
  }

  async poll(): Promise<void> {
    try {
      const snapshot = await this.printer.status();
      if (!this.stopped) this.update(snapshot, null);
    } catch (error) {
      if (!this.stopped) this.update(null, (error as Error).message);
    }
  }

  /** A snapshot from the poller, ASB or the print worker; `error` means the printer did not answer. */
  update(snapshot: PrinterSnapshot | null, error: string | null): void {
    const previous = this.current;
    const state: PrinterState = error ? 'unreachable' : stateOf(snapshot);
    this.current = {
      ...previous,
      state,
      online: snapshot?.online ?? false,
      coverOpen: snapshot?.coverOpen ?? false,
      paperEnd: snapshot?.paperEnd ?? false,
      paperNearEnd: snapshot?.paperNearEnd ?? false,
      drawerOpen: snapshot?.drawerOpen ?? null,
      detail: error,
      checkedAt: this.options.clock.now().toISOString(),
    };
    const visible = (s: typeof previous) => JSON.stringify([s.state, s.online, s.coverOpen, s.paperEnd, s.paperNearEnd, s.drawerOpen, s.detail]);
    if (visible(previous) !== visible(this.current)) this.events.changed(this.current);
    if (state === 'ready' && previous.state !== 'ready' && previous.state !== 'unknown') this.events.recovered();
    this.trackDrawer(snapshot?.drawerOpen ?? null);
  }

  private trackDrawer(open: boolean | null): void {
    if (open !== true) {
      this.drawerOpenAt = undefined;
      this.reminded = false;
      return;
    }
    this.drawerOpenAt ??= { iso: this.options.clock.now().toISOString(), ms: Date.now() };
    const limit = this.device.drawer.reminderSeconds;
    const seconds = Math.floor((Date.now() - this.drawerOpenAt.ms) / 1000);
    if (limit > 0 && !this.reminded && seconds >= limit) {
      this.reminded = true;
      this.events.drawerLeftOpen(this.drawerOpenAt.iso, seconds);
    }
  }

  /** Stops polling; resolves once a poll in flight finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.unsubscribe();
    await this.polling;
  }
}
