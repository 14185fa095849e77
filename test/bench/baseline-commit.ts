import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { print, summarize, type BenchLine } from './stats';

/**
 * The floor for a durable sale: one row committed with WAL + synchronous=FULL on the same disk
 * as the terminal's database. A sale commit is compared against this, measured in the same run.
 */
export async function benchBaselineCommit(dataDir: string, n = 500): Promise<BenchLine> {
  const file = join(dataDir, 'bench-baseline.db');
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec('CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, payload TEXT NOT NULL) STRICT');
    const insert = db.prepare('INSERT INTO t (payload) VALUES (?)');
    const commit = db.transaction((payload: string) => insert.run(payload));
    const samples: number[] = [];
    for (let i = 0; i < n + 20; i++) {
      const start = process.hrtime.bigint();
      commit(`row ${i}`);
      if (i >= 20) samples.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    const line = summarize('baseline.sqlite.commit', 'ms', samples);
    print(line);
    return line;
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  }
}
