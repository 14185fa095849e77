import BetterSqlite3 from 'better-sqlite3';
import path from 'node:path';
import type { Logger } from '../deps';

/** The journal's file, next to `terminal.db` in the data directory (covered by the same lock). */
export const SALE_JOURNAL_FILE_NAME = 'sale-journal.db';

/** A fact as the journal holds it: its sequence number and the JSON the sale service wrote. */
export interface JournalEntry {
  seq: number;
  payload: string;
}

/**
 * The sale journal: an append-only SQLite file holding one row per completed sale, committed with
 * its own fsync (WAL, synchronous=FULL) BEFORE the sale's rows are written to `terminal.db`.
 *
 * Why a second file: a durable commit costs one fsync of the WAL, and that fsync flushes every
 * page written since the last one. A sale written straight into `terminal.db` dirties ~40 pages
 * (sale, lines, payments, stock, outbox, seal and their indexes, plus the cart's pages) and its
 * fsync cost ~4-6x a one-row commit here. The journal row is one page of one B-tree (INTEGER
 * PRIMARY KEY only, no other index), so the cashier waits for a one-row commit; the sale's rows
 * are then written to `terminal.db` without an fsync (sale-service.ts), flushed right after off the
 * main thread (LocalStore.withFollowUp), and rebuilt from this journal after a power cut
 * (`SaleService.recover`). https://sqlite.org/wal.html, https://sqlite.org/pragma.html#pragma_synchronous
 */
export interface SaleJournal {
  /** Appends one fact and returns once it is on disk (fsync). */
  append(saleId: string, payload: string, createdAt: string): number;
  /** The newest sequence number (0 when empty). */
  lastSeq(): number;
  /** Facts after `seq`, oldest first. */
  after(seq: number): JournalEntry[];
  /** Deletes facts up to `seq` written before `before` (ISO time); the newest fact is always kept. */
  prune(seq: number, before: string): number;
  /** Copies the journal's WAL into its file (PASSIVE); cheap, called off the cashier's path. */
  checkpoint(): void;
  close(): void;
}

/** Opens (creating) the journal in `dataDir`. `file` may be given for tests. */
export function openSaleJournal(dataDir: string, logger: Logger, file = path.join(dataDir, SALE_JOURNAL_FILE_NAME)): SaleJournal {
  const db = new BetterSqlite3(file, { timeout: 5000 });
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') logger.warn('the sale journal is not in WAL mode; is the data directory on a network drive?', { file, mode });
    db.pragma('synchronous = FULL');
    // Checkpoints run from `checkpoint()` after the sale is answered, never inside a sale's commit.
    db.pragma('wal_autocheckpoint = 0');
    db.exec(`CREATE TABLE IF NOT EXISTS sale_fact (
      seq INTEGER PRIMARY KEY, sale_id TEXT NOT NULL, payload TEXT NOT NULL, created_at TEXT NOT NULL
    ) STRICT`);
  } catch (error) {
    db.close();
    throw error;
  }
  const insert = db.prepare('INSERT INTO sale_fact (sale_id, payload, created_at) VALUES (?, ?, ?)');
  const last = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM sale_fact').pluck();
  const after = db.prepare('SELECT seq, payload FROM sale_fact WHERE seq > ? ORDER BY seq');
  // Facts are appended in time order, so the first one not older than `before` bounds the delete:
  // finding it reads only the facts about to go, never the whole journal (this runs at start-up).
  const firstKept = db.prepare('SELECT seq FROM sale_fact WHERE created_at >= ? ORDER BY seq LIMIT 1').pluck();
  const prune = db.prepare('DELETE FROM sale_fact WHERE seq < ? AND seq <= ? AND seq < (SELECT max(seq) FROM sale_fact)');
  return {
    append: (saleId, payload, createdAt) => Number(insert.run(saleId, payload, createdAt).lastInsertRowid),
    lastSeq: () => last.get() as number,
    after: (seq) => after.all(seq) as JournalEntry[],
    prune: (seq, before) => prune.run((firstKept.get(before) as number | undefined) ?? Number.MAX_SAFE_INTEGER, seq).changes,
    checkpoint: () => {
      db.pragma('wal_checkpoint(PASSIVE)');
    },
    close: () => {
      if (!db.open) return;
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch (error) {
        logger.warn('sale journal checkpoint at close failed', { error: String(error) });
      }
      db.close();
    },
  };
}
