/** What the core is given instead of reaching for globals: tests pass fixed ones. */

export interface Clock {
  now(): Date;
}

/** Makes UUIDv7 strings: time-ordered, made on the terminal. */
export interface IdGenerator {
  next(): string;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const systemClock: Clock = { now: () => new Date() };

/** JSON lines on stderr: stdout is kept for the hosts' `ready` line. */
export const stderrLogger: Logger = {
  info: (message, fields) => console.error(JSON.stringify({ level: 'info', message, ...fields })),
  warn: (message, fields) => console.error(JSON.stringify({ level: 'warn', message, ...fields })),
  error: (message, fields) => console.error(JSON.stringify({ level: 'error', message, ...fields })),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
