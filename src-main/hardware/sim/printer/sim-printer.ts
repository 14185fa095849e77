import net from 'node:net';
import { decodeJob, type DecodedJob } from './escpos-decoder';
import { EscPosTokenizer, type Token } from './escpos-tokenizer';

/** What the paper path is doing; everything but `ready` stops printing (like an Epson). */
export type SimPrinterState = 'ready' | 'paperOut' | 'coverOpen' | 'offline';

export interface SimJob {
  /** Every byte of the job as received (ESC @ … GS r), real-time commands excluded. */
  bytes: Buffer;
  decoded: DecodedJob;
  /** False when the connection closed before the job's GS r was processed. */
  complete: boolean;
}

export interface SimDrawerKick {
  kind: 'escp' | 'realtime';
  bytes: Buffer;
  pin: 2 | 5;
}

export interface SimPrinterOptions {
  /** Characters per line of the paper (font A, 12 dots each). */
  widthChars?: number;
  /** The drawer connector's pin 3 reads high while the drawer is open (the usual switch wiring). */
  pin3HighWhenOpen?: boolean;
}

interface Session {
  socket: net.Socket;
  tokenizer: EscPosTokenizer;
  /** Tokens received but not processed yet (the printer is not ready: they wait in its buffer). */
  backlog: Token[];
  job: { bytes: Buffer[]; tokens: Token[] } | undefined;
}

/**
 * A virtual Epson network printer on 127.0.0.1: answers DLE EOT 1-4 and GS r, sends Automatic
 * Status Back when enabled, executes ESC p and DLE DC4 drawer kicks, and captures each job with
 * its decoded text. `setState` switches it to paper-out, cover-open or offline and back: while not
 * ready it keeps what it receives and prints it after recovery, as a real printer does.
 */
export class SimPrinter {
  readonly jobs: SimJob[] = [];
  readonly drawerKicks: SimDrawerKick[] = [];
  readonly received: Buffer[] = [];
  state: SimPrinterState = 'ready';
  paperNearEnd = false;
  drawerOpen = false;
  /** When set, the paper runs out after this many more printed lines (paper-out mid-job). */
  paperLeftLines: number | undefined;
  /** Answer nothing at all (a hung printer); connections stay open. */
  silent = false;
  private asb = 0;
  private readonly server = net.createServer((socket) => this.accept(socket));
  private readonly sessions = new Set<Session>();
  private readonly widthChars: number;
  private readonly pin3HighWhenOpen: boolean;
  private readonly waiters = new Set<() => void>();

  constructor(options: SimPrinterOptions = {}) {
    this.widthChars = options.widthChars ?? 42;
    this.pin3HighWhenOpen = options.pin3HighWhenOpen ?? true;
  }

  async listen(port = 0): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    return this.port;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  get url(): string {
    return `tcp://127.0.0.1:${this.port}`;
  }

  setState(state: SimPrinterState): void {
    this.state = state;
    this.sendAsb();
    if (state === 'ready') for (const session of this.sessions) this.process(session);
    this.notify();
  }

  setDrawerOpen(open: boolean): void {
    this.drawerOpen = open;
    this.sendAsb();
  }

  /** Closes every connection from the printer's side (a power blip, a switch port reset). */
  dropConnections(): void {
    for (const session of this.sessions) session.socket.destroy();
  }

  /** Resolves when `predicate` holds, checked after every change; rejects after `timeoutMs`. */
  waitFor(predicate: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (predicate()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!predicate()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`sim printer: condition not met within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  async close(): Promise<void> {
    this.dropConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }

  private accept(socket: net.Socket): void {
    const session: Session = { socket, tokenizer: new EscPosTokenizer(), backlog: [], job: undefined };
    this.sessions.add(session);
    socket.on('data', (chunk) => this.receive(session, chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      this.sessions.delete(session);
      if (session.job) this.finishJob(session, false);
      this.notify();
    });
  }

  private receive(session: Session, chunk: Buffer): void {
    this.received.push(Buffer.from(chunk));
    for (const token of session.tokenizer.push(chunk)) {
      // Real-time commands act on arrival, even offline or out of paper (Epson "real-time commands").
      if (token.type === 'command' && token.name === 'DLE EOT') this.answer(session, this.realtimeStatus(token.args[0]!));
      else if (token.type === 'command' && token.name === 'DLE DC4') this.realtimeKick(token);
      else if (token.type === 'command' && token.name === 'DLE ENQ') continue;
      else session.backlog.push(token);
    }
    this.process(session);
    this.notify();
  }

  /** Executes buffered tokens in order while the printer is ready. */
  private process(session: Session): void {
    while (this.state === 'ready' && session.backlog.length > 0) {
      const token = session.backlog.shift()!;
      this.execute(session, token);
    }
  }

  private execute(session: Session, token: Token): void {
    const raw = token.type === 'command' ? token.raw : token.type === 'text' ? token.bytes : Buffer.from([token.type === 'lf' ? 0x0a : token.byte]);
    if (token.type === 'command' && token.name === 'GS a') {
      this.asb = token.args[0]!;
      this.sendAsb();
      return;
    }
    if (token.type === 'command' && token.name === 'ESC p' && !session.job) {
      this.kick('escp', token.raw, token.args[0]! % 48 === 0 ? 2 : 5);
      return;
    }
    if (token.type === 'command' && token.name === 'ESC @' && session.job && session.job.tokens.length > 1) this.finishJob(session, false);
    session.job ??= { bytes: [], tokens: [] };
    session.job.bytes.push(raw);
    session.job.tokens.push(token);
    if (token.type === 'command' && token.name === 'ESC p') this.kick('escp', token.raw, token.args[0]! % 48 === 0 ? 2 : 5);
    if (token.type === 'lf' && this.paperLeftLines !== undefined && --this.paperLeftLines <= 0) {
      this.paperLeftLines = undefined;
      this.state = 'paperOut';
      this.sendAsb();
    }
    if (token.type === 'command' && token.name === 'GS r') {
      this.finishJob(session, true);
      // GS r 1 answers the paper sensor: bits 0-1 near end, bits 2-3 paper end.
      this.answer(session, (this.paperNearEnd ? 0x03 : 0) | (this.state === 'paperOut' ? 0x0c : 0));
    }
  }

  private finishJob(session: Session, complete: boolean): void {
    const job = session.job;
    session.job = undefined;
    if (!job) return;
    this.jobs.push({ bytes: Buffer.concat(job.bytes), decoded: decodeJob(job.tokens, this.widthChars * 12), complete });
  }

  private kick(kind: 'escp' | 'realtime', bytes: Buffer, pin: 2 | 5): void {
    this.drawerKicks.push({ kind, bytes: Buffer.from(bytes), pin });
    this.setDrawerOpen(true);
  }

  private realtimeKick(token: Extract<Token, { type: 'command' }>): void {
    if (token.args[0] === 1) this.kick('realtime', token.raw, token.args[1] === 0 ? 2 : 5);
  }

  private get pin3High(): boolean {
    return this.drawerOpen === this.pin3HighWhenOpen;
  }

  /** DLE EOT n answers, bit by bit as in the Epson reference (fixed bits 1 and 4 on). */
  private realtimeStatus(n: number): number {
    const offline = this.state !== 'ready';
    switch (n) {
      case 1: return 0x12 | (this.pin3High ? 0x04 : 0) | (offline ? 0x08 : 0);
      case 2: return 0x12 | (this.state === 'coverOpen' ? 0x04 : 0) | (this.state === 'paperOut' ? 0x20 : 0);
      case 3: return 0x12;
      case 4: return 0x12 | (this.paperNearEnd ? 0x0c : 0) | (this.state === 'paperOut' ? 0x60 : 0);
      default: return 0x12;
    }
  }

  /** Automatic Status Back: four bytes, the first `0xx1xx00`. */
  private sendAsb(): void {
    if (this.asb === 0) return;
    const b1 = 0x10 | (this.pin3High ? 0x04 : 0) | (this.state !== 'ready' ? 0x08 : 0) | (this.state === 'coverOpen' ? 0x20 : 0);
    const b3 = (this.paperNearEnd ? 0x03 : 0) | (this.state === 'paperOut' ? 0x0c : 0);
    for (const session of this.sessions) this.answer(session, b1, 0x00, b3, 0x00);
  }

  private answer(session: Session, ...bytes: number[]): void {
    if (this.silent || session.socket.destroyed) return;
    session.socket.write(Buffer.from(bytes));
  }
}
