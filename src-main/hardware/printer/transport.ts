/**
 * A byte pipe to a printer: TCP 9100, serial, a Linux USB printer device or the Windows spooler.
 * Every operation is bounded by a timeout, so a dead printer costs seconds, never a frozen till.
 */
export interface PrinterTransport {
  /** For logs and errors: `tcp://10.0.0.5:9100`, `serial:///dev/ttyUSB0` … */
  readonly description: string;
  /** False for the Windows spooler: it takes bytes but gives no status back. */
  readonly bidirectional: boolean;
  readonly isOpen: boolean;
  /** Opens (or reopens after a drop); a no-op while open. Throws `TransportError` after `timeoutMs`. */
  open(timeoutMs: number): Promise<void>;
  /** Writes all bytes, opening first if needed; throws `TransportError` after `timeoutMs`. */
  write(data: Uint8Array, timeoutMs: number): Promise<void>;
  /** Bytes the printer sends back (status answers, Automatic Status Back). */
  onData(listener: (chunk: Buffer) => void): () => void;
  /** Called when the connection drops (unplug, the peer closed the socket); the next write reopens. */
  onClose(listener: (error?: Error) => void): () => void;
  close(): Promise<void>;
}

/** Which step failed: `open` and `timeout-open` mean nothing was sent. */
export type TransportStep = 'open' | 'write' | 'closed';

export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(readonly step: TransportStep, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** Rejects with `onTimeout()` when `promise` has not settled within `ms`; clears its timer either way. */
export function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** A small listener set, so each transport does not reimplement one. */
export class Listeners<A extends unknown[]> {
  private readonly set = new Set<(...args: A) => void>();
  add(listener: (...args: A) => void): () => void {
    this.set.add(listener);
    return () => this.set.delete(listener);
  }
  emit(...args: A): void {
    for (const listener of [...this.set]) listener(...args);
  }
  get size(): number {
    return this.set.size;
  }
}
