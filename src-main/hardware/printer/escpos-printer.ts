import type { DrawerSensor } from '../../../src-shared/contract/printing-contract';
import type { DrawerPulse, PrinterSnapshot, PrintOptions, ReceiptPrinter } from '../../core/hardware/receipt-printer';
import { automaticStatusBack, drawerKick, GS, realTimeDrawerKick, realTimeStatus, transmitPaperStatus } from './escpos-commands';
import { isReady, PrinterNotReadyError, PrinterUnreachableError, PrintUnconfirmedError } from './printer-errors';
import { decodeAsb, decodeErrorCause, decodeOfflineCause, decodePaperSensor, decodePrinterStatus, InboundParser } from './escpos-status';
import { Listeners, TransportError, type PrinterTransport } from './transport';

export interface EscPosTimeouts {
  /** Connecting (TCP) or opening the device. */
  connectMs: number;
  /** Handing one job's bytes to the transport. */
  writeMs: number;
  /** The four DLE EOT answers. */
  statusMs: number;
  /** How long a ready printer may take to confirm a job (GS r) before it counts as unconfirmed. */
  confirmMs: number;
  /** How long a sent job may wait for paper or a closed cover before it counts as unconfirmed. */
  recoveryMs: number;
  /** Status polling while a sent job waits for its confirmation. */
  pollMs: number;
}

export const DEFAULT_TIMEOUTS: EscPosTimeouts = { connectMs: 2_000, writeMs: 10_000, statusMs: 1_500, confirmMs: 15_000, recoveryMs: 10 * 60_000, pollMs: 500 };

export interface EscPosPrinterOptions {
  drawerSensor: DrawerSensor;
  autoStatusBack: boolean;
  timeouts?: Partial<EscPosTimeouts>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * An Epson-compatible ESC/POS printer on any transport: real-time status with DLE EOT 1-4,
 * Automatic Status Back, job confirmation through GS r 1 after the job, and the drawer kick.
 * A job is "printed" only when the printer answered the GS r that follows it: GS r is processed
 * in order, after every byte before it (unlike DLE EOT, which is answered on receipt).
 */
export class EscPosPrinter implements ReceiptPrinter {
  private readonly timeouts: EscPosTimeouts;
  private readonly parser = new InboundParser();
  private readonly realtimeWaiters: ((byte: number) => void)[] = [];
  private gsrWaiter: ((byte: number) => void) | undefined;
  private readonly statusListeners = new Listeners<[PrinterSnapshot]>();
  private printing: Promise<void> = Promise.resolve();
  private busy = false;
  private closed = false;
  private statusChain: Promise<unknown> = Promise.resolve();

  constructor(private readonly transport: PrinterTransport, private readonly options: EscPosPrinterOptions) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    transport.onData((chunk) => this.receive(chunk));
    transport.onClose(() => this.resetAnswers());
  }

  get description(): string {
    return this.transport.description;
  }

  private receive(chunk: Buffer): void {
    for (const answer of this.parser.push(chunk)) {
      if (answer.kind === 'realtime') this.realtimeWaiters.shift()?.(answer.byte);
      else if (answer.kind === 'gsr') {
        const waiter = this.gsrWaiter;
        this.gsrWaiter = undefined;
        waiter?.(answer.byte);
      } else {
        const asb = decodeAsb(answer.bytes);
        this.statusListeners.emit({
          online: !asb.offline, coverOpen: asb.coverOpen, paperEnd: asb.paperEnd, paperNearEnd: asb.paperNearEnd,
          error: asb.recoverableError || asb.autocutterError || asb.unrecoverableError || asb.autoRecoverableError,
          drawerOpen: this.drawerOpenFrom(asb.pin3High),
        });
      }
    }
  }

  /** Answers still expected can no longer be matched to their questions: forget them all. */
  private resetAnswers(): void {
    this.realtimeWaiters.length = 0;
    this.gsrWaiter = undefined;
  }

  private drawerOpenFrom(pin3High: boolean): boolean | null {
    if (this.options.drawerSensor === 'none') return null;
    return this.options.drawerSensor === 'openWhenHigh' ? pin3High : !pin3High;
  }

  private async ensureOpen(): Promise<void> {
    if (this.closed) throw new PrinterUnreachableError(`${this.transport.description}: closed`);
    if (this.transport.isOpen) return;
    try {
      await this.transport.open(this.timeouts.connectMs);
      // GS a is volatile (ESC @ and power cycles reset it): enable it on every new connection.
      if (this.options.autoStatusBack && this.transport.bidirectional) await this.transport.write(automaticStatusBack(true), this.timeouts.writeMs);
    } catch (error) {
      throw new PrinterUnreachableError(`${this.transport.description}: ${(error as Error).message}`, { cause: error });
    }
  }

  /**
   * One status exchange at a time: answers are matched to questions by order, so a lost answer
   * must not shift another caller's answers. After a timeout the connection is replaced.
   */
  status(): Promise<PrinterSnapshot | null> {
    const run = this.statusChain.then(() => this.statusNow());
    this.statusChain = run.catch(() => {});
    return run;
  }

  private async statusNow(): Promise<PrinterSnapshot | null> {
    if (!this.transport.bidirectional) return null;
    await this.ensureOpen();
    const answers = [1, 2, 3, 4].map(() => new Promise<number>((resolve) => this.realtimeWaiters.push(resolve)));
    const timedOut = Symbol('timeout');
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<typeof timedOut>((resolve) => {
      timer = setTimeout(() => resolve(timedOut), this.timeouts.statusMs);
    });
    try {
      await this.transport.write(Buffer.concat([realTimeStatus(1), realTimeStatus(2), realTimeStatus(3), realTimeStatus(4)]), this.timeouts.writeMs);
      const result = await Promise.race([Promise.all(answers), deadline]);
      if (result === timedOut) {
        // A late answer would be taken for the next question: start over on a fresh connection.
        this.resetAnswers();
        await this.transport.close();
        throw new PrinterUnreachableError(`${this.transport.description}: no status answer within ${this.timeouts.statusMs} ms`);
      }
      const [b1, b2, b3, b4] = result as number[];
      const printer = decodePrinterStatus(b1!);
      const offline = decodeOfflineCause(b2!);
      const errors = decodeErrorCause(b3!);
      const paper = decodePaperSensor(b4!);
      return {
        online: !printer.offline,
        coverOpen: offline.coverOpen,
        paperEnd: paper.paperEnd || offline.paperEndStop,
        paperNearEnd: paper.nearEnd,
        error: offline.error || errors.autocutter || errors.unrecoverable || errors.recoverable,
        drawerOpen: this.drawerOpenFrom(printer.pin3High),
      };
    } catch (error) {
      if (error instanceof PrinterUnreachableError) throw error;
      this.resetAnswers();
      throw new PrinterUnreachableError(`${this.transport.description}: ${(error as Error).message}`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  print(job: Uint8Array, options: PrintOptions = {}): Promise<void> {
    const run = this.printing.then(() => this.printNow(job, options));
    this.printing = run.catch(() => {});
    return run;
  }

  private async printNow(job: Uint8Array, options: PrintOptions): Promise<void> {
    this.busy = true;
    try {
      const before = await this.status();
      if (before && !isReady(before)) throw new PrinterNotReadyError(before, `printer not ready: ${describeSnapshot(before)}`);
      const payload = Buffer.concat([
        withoutTrailingGsR(job),
        ...(this.options.autoStatusBack && this.transport.bidirectional ? [automaticStatusBack(true)] : []),
        transmitPaperStatus(),
      ]);
      if (!this.transport.bidirectional) {
        await this.writeJob(payload);
        return;
      }
      let confirmed = false;
      const confirmation = new Promise<void>((resolve) => {
        this.gsrWaiter = () => {
          confirmed = true;
          resolve();
        };
      });
      let dropped = false;
      const stopWatching = this.transport.onClose(() => {
        dropped = true;
      });
      try {
        await this.writeJob(payload);
        await this.awaitConfirmation(confirmation, () => confirmed, () => dropped, options);
      } finally {
        stopWatching();
        if (!confirmed) this.gsrWaiter = undefined;
      }
    } finally {
      this.busy = false;
    }
  }

  private async writeJob(payload: Buffer): Promise<void> {
    try {
      await this.transport.write(payload, this.timeouts.writeMs);
    } catch (error) {
      if (error instanceof TransportError && error.step === 'open') throw new PrinterUnreachableError(error.message, { cause: error });
      throw new PrintUnconfirmedError(`${this.transport.description}: the job was cut off while sending (${(error as Error).message})`, { cause: error });
    }
  }

  private async awaitConfirmation(confirmation: Promise<void>, confirmed: () => boolean, dropped: () => boolean, options: PrintOptions): Promise<void> {
    const started = Date.now();
    let waitingSince: number | undefined;
    while (!confirmed()) {
      await Promise.race([confirmation, sleep(this.timeouts.pollMs)]);
      if (confirmed()) return;
      if (dropped() || this.closed) throw new PrintUnconfirmedError(`${this.transport.description}: connection lost before the printer confirmed the job`);
      let snapshot: PrinterSnapshot | null;
      try {
        snapshot = await this.status();
      } catch (error) {
        if (confirmed()) return;
        throw new PrintUnconfirmedError(`${this.transport.description}: printer stopped answering before it confirmed the job`, { cause: error });
      }
      if (confirmed()) return;
      if (snapshot && !isReady(snapshot)) {
        // The printer holds the rest of the job and resumes after recovery: wait, never resend.
        waitingSince ??= Date.now();
        options.onWaiting?.(snapshot);
        if (Date.now() - waitingSince > this.timeouts.recoveryMs) {
          throw new PrintUnconfirmedError(`${this.transport.description}: printer not ready for ${Math.round(this.timeouts.recoveryMs / 1000)} s during the job (${describeSnapshot(snapshot)})`);
        }
      } else {
        waitingSince = undefined;
        if (Date.now() - started > this.timeouts.confirmMs) throw new PrintUnconfirmedError(`${this.transport.description}: no confirmation within ${this.timeouts.confirmMs} ms`);
      }
    }
  }

  async kickDrawer(pulse: DrawerPulse): Promise<'escp' | 'realtime'> {
    let ready = false;
    if (!this.busy) {
      const snapshot = await this.status();
      ready = snapshot === null || isReady(snapshot);
    }
    if (!this.transport.bidirectional || (ready && !this.busy)) {
      await this.writeOrUnreachable(drawerKick(pulse));
      return 'escp';
    }
    // Offline, out of paper or mid-job: only the real-time form is executed right away.
    await this.writeOrUnreachable(realTimeDrawerKick(pulse));
    return 'realtime';
  }

  private async writeOrUnreachable(bytes: Buffer): Promise<void> {
    try {
      await this.ensureOpen();
      await this.transport.write(bytes, this.timeouts.writeMs);
    } catch (error) {
      if (error instanceof PrinterUnreachableError) throw error;
      throw new PrinterUnreachableError(`${this.transport.description}: ${(error as Error).message}`, { cause: error });
    }
  }

  onStatus(listener: (snapshot: PrinterSnapshot) => void): () => void {
    return this.statusListeners.add(listener);
  }

  close(): Promise<void> {
    this.closed = true;
    this.resetAnswers();
    return this.transport.close();
  }
}

/** Drops a GS r 1 at the very end (receiptline ends its output with one); the driver adds its own. */
export function withoutTrailingGsR(job: Uint8Array): Uint8Array {
  const n = job.length;
  return n >= 3 && job[n - 3] === GS && job[n - 2] === 0x72 && (job[n - 1] === 0x01 || job[n - 1] === 0x31) ? job.subarray(0, n - 3) : job;
}

export function describeSnapshot(s: PrinterSnapshot): string {
  const problems = [!s.online && 'offline', s.coverOpen && 'cover open', s.paperEnd && 'paper out', s.error && 'error'].filter(Boolean);
  return problems.length > 0 ? problems.join(', ') : 'ready';
}
