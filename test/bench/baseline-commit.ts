import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The floor for a durable sale: one row committed with WAL + synchronous=FULL on the same disk
 * as the terminal's database. `sale.commit` is compared against it.
 */
export interface BaselineCommit {
  /** Commits `n` one-row transactions back to back; returns each one's time in ms. */
  run(n: number): number[];
  close(): void;
}

export function openBaselineCommit(dataDir: string): BaselineCommit {
  const file = join(dataDir, 'bench-baseline.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL) STRICT');
  const insert = db.prepare('INSERT INTO t (payload) VALUES (?)');
  const commit = db.transaction((payload: string) => insert.run(payload));
  let rows = 0;
  return {
    run(n) {
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const start = process.hrtime.bigint();
        commit(`row ${rows++}`);
        samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      return samples;
    },
    close() {
      db.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    },
  };
}
