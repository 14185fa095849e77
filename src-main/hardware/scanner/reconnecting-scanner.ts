import type {
  BarcodeScanner, ScannedCode, ScannerKind, ScannerStatus, ScannerStatusChange,
} from '../../core/hardware/barcode-scanner';

/** Retry delays after a failed open or a lost device: initial, doubling, capped. */
export interface Backoff {
  initialMs: number;
  maxMs: number;
}

/** Fast enough that a replugged scanner works again before the next customer, cheap while absent. */
export const DEFAULT_BACKOFF: Backoff = { initialMs: 250, maxMs: 5_000 };

/** An open device: closing it must not report a loss. */
export interface ScannerConnection {
  close(): Promise<void>;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The lifecycle every adapter shares: open, read, and when the device goes away (unplugged,
 * port removed, socket dropped) report `disconnected` and try again with backoff until `stop`.
 * A missing device is a state, never an exception: the till sells without a scanner.
 */
export abstract class ReconnectingScanner implements BarcodeScanner {
  private readonly scanListeners = new Set<(scan: ScannedCode) => void>();
  private readonly statusListeners = new Set<(change: ScannerStatusChange) => void>();
  private current: ScannerStatusChange = { status: 'stopped', detail: null };
  private running = false;
  private attempt = 0;
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private connection: ScannerConnection | null = null;

  constructor(readonly id: string, readonly kind: ScannerKind, private readonly backoff: Backoff) {}

  abstract describe(): string;

  /**
   * Opens the device and starts reading. `emit` hands on a decoded code; `lost` reports that the
   * open device went away. Throws when the device is absent or cannot be opened.
   */
  protected abstract open(emit: (code: string, symbology: string | null) => void, lost: (reason: string) => void): Promise<ScannerConnection>;

  status(): ScannerStatusChange {
    return this.current;
  }

  onScan(listener: (scan: ScannedCode) => void): () => void {
    this.scanListeners.add(listener);
    return () => this.scanListeners.delete(listener);
  }

  onStatus(listener: (change: ScannerStatusChange) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Resolves once the first attempt is over (connected, or a retry is scheduled). */
  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.setStatus('connecting', this.describe());
    await this.tryOpen();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.generation += 1;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const connection = this.connection;
    this.connection = null;
    if (connection) await connection.close().catch(() => undefined);
    this.setStatus('stopped', null);
  }

  private async tryOpen(): Promise<void> {
    this.timer = null;
    if (!this.running) return;
    const generation = ++this.generation;
    const current = () => this.running && generation === this.generation;
    try {
      const connection = await this.open(
        (code, symbology) => {
          if (current()) this.emitScan({ code, symbology, source: this.id });
        },
        (reason) => {
          if (current()) this.lose(reason);
        },
      );
      if (!current()) {
        await connection.close().catch(() => undefined);
        return;
      }
      this.connection = connection;
      this.attempt = 0;
      this.setStatus('connected', this.describe());
    } catch (error) {
      if (current()) this.retryLater(messageOf(error));
    }
  }

  private lose(reason: string): void {
    const connection = this.connection;
    this.connection = null;
    this.generation += 1;
    if (connection) void connection.close().catch(() => undefined);
    this.retryLater(reason);
  }

  private retryLater(reason: string): void {
    const delay = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** Math.min(this.attempt, 16));
    this.attempt += 1;
    this.setStatus('disconnected', `${reason}; retrying in ${delay} ms`);
    this.timer = setTimeout(() => void this.tryOpen(), delay);
    // A scanner that is not there must not keep a host process alive on its own.
    this.timer.unref?.();
  }

  private setStatus(status: ScannerStatus, detail: string | null): void {
    if (this.current.status === status && this.current.detail === detail) return;
    this.current = { status, detail };
    for (const listener of this.statusListeners) listener(this.current);
  }

  private emitScan(scan: ScannedCode): void {
    for (const listener of this.scanListeners) listener(scan);
  }
}
