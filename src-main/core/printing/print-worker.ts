import type { Selectable } from 'kysely';
import type { Database } from '../db/schema';
import type { Clock, Logger } from '../deps';
import { printerFailureOf, type PrinterSnapshot, type ReceiptPrinter } from '../hardware/receipt-printer';
import { stateOf } from './printer-monitor';
import type { PrintJobStore } from './print-job-store';

type JobRow = Selectable<Database['print_job']>;

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/** 1 s, 2 s, 4 s … capped at 30 s: a printer out of paper is asked again soon, but not hammered. */
export const DEFAULT_BACKOFF: Backoff = { baseMs: 1_000, maxMs: 30_000 };

export function backoffDelay(attempt: number, backoff: Backoff): number {
  return Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
}

export interface PrintWorkerDeps {
  deviceId: string;
  jobs: PrintJobStore;
  printer: ReceiptPrinter;
  /** The job's bytes for this device (a receiptline document rendered at the device's width). */
  render(job: JobRow): Uint8Array;
  clock: Clock;
  logger: Logger;
  backoff: Backoff;
  onJobChanged(job: JobRow): void;
  onPrinterProblem(snapshot: PrinterSnapshot | null, error: string): void;
}

/**
 * The one worker of one printer: takes the oldest queued job, prints it, waits for the printer's
 * confirmation and only then marks it done. Nothing sent → back to the queue with backoff;
 * sent but unconfirmed → failed, for a person to decide (it may have printed).
 */
export class PrintWorker {
  private running = false;
  private wakeUp: (() => void) | undefined;
  private loop: Promise<void> | undefined;
  /** Consecutive attempts that could not send (the backoff grows with them; attempts counts sends). */
  private failures = 0;

  constructor(private readonly deps: PrintWorkerDeps) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run().catch((error: unknown) => {
      this.deps.logger.error('print worker stopped', { deviceId: this.deps.deviceId, error: String(error) });
    });
  }

  /** Something changed (a new job, the printer recovered): look at the queue now. */
  wake(): void {
    this.failures = 0;
    this.wakeUp?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private async run(): Promise<void> {
    const { jobs, deviceId } = this.deps;
    while (this.running) {
      const job = await jobs.nextFor(deviceId);
      if (!job) {
        await this.sleep(60_000);
        continue;
      }
      const retryInMs = await this.printOne(job);
      // Backoff runs on a real timer (the stored next_attempt_at is for people); wake() cuts it short.
      if (retryInMs > 0 && this.running) await this.sleep(retryInMs);
    }
  }

  /** Prints one job; returns how long to wait before the next attempt (0: go on). */
  private async printOne(queued: JobRow): Promise<number> {
    const { jobs, printer, onJobChanged, logger } = this.deps;
    // Ask first: a printer that cannot print costs a status exchange, not a durable write.
    try {
      const snapshot = await printer.status();
      if (snapshot && stateOf(snapshot) !== 'ready') return this.notSent(queued, snapshot, `printer not ready: ${problemOf(snapshot)}`);
    } catch (error) {
      if (printerFailureOf(error)) return this.notSent(queued, null, (error as Error).message);
      throw error;
    }
    const job = await jobs.markPrinting(queued.id);
    if (job.state !== 'printing') return 0;
    onJobChanged(job);
    let bytes: Uint8Array;
    try {
      bytes = this.deps.render(job);
    } catch (error) {
      onJobChanged(await jobs.markFailed(job.id, `could not render the job: ${(error as Error).message}`));
      return 0;
    }
    try {
      await printer.print(bytes, {
        onWaiting: (snapshot) => {
          const reason = `waiting for the printer: ${problemOf(snapshot)}`;
          this.deps.onPrinterProblem(snapshot, reason);
          if (reason !== job.last_error) void jobs.noteWaiting(job.id, reason).then(onJobChanged);
          job.last_error = reason;
        },
      });
      onJobChanged(await jobs.markDone(job.id));
      this.failures = 0;
      return 0;
    } catch (error) {
      const message = (error as Error).message;
      const failure = printerFailureOf(error);
      if (failure?.failure === 'notReady' || failure?.failure === 'unreachable') {
        const snapshot = failure.snapshot ?? null;
        return this.notSent(job, snapshot, snapshot ? `printer not ready: ${problemOf(snapshot)}` : message);
      }
      logger.warn('print job failed', { jobId: job.id, error: message });
      onJobChanged(await jobs.markFailed(job.id, message));
      return 0;
    }
  }

  /** Nothing was sent: back in the queue, retried after the backoff (or when the printer recovers). */
  private async notSent(job: JobRow, snapshot: PrinterSnapshot | null, reason: string): Promise<number> {
    this.deps.onPrinterProblem(snapshot, reason);
    this.failures += 1;
    const delay = backoffDelay(this.failures, this.deps.backoff);
    const next = new Date(this.deps.clock.now().getTime() + delay);
    if (job.state !== 'queued' || job.last_error !== reason) this.deps.onJobChanged(await this.deps.jobs.requeue(job.id, reason, next));
    return delay;
  }
}

export function problemOf(s: PrinterSnapshot): string {
  if (s.paperEnd) return 'paper out';
  if (s.coverOpen) return 'cover open';
  if (s.error) return 'printer error';
  if (!s.online) return 'offline';
  return 'ready';
}
