import type { Selectable, Transaction } from 'kysely';
import type { PrintJob } from '../../../src-shared/contract/printing-contract';
import type { LocalStore } from '../db/local-store';
import type { Database } from '../db/schema';
import type { Clock, IdGenerator } from '../deps';

type JobRow = Selectable<Database['print_job']>;

export interface NewJob {
  deviceId: string;
  kind: PrintJob['kind'];
  saleId?: string;
  receiptNo?: string;
  copy?: boolean;
  /** A receiptline document, rendered for the device when it prints. */
  document?: string;
  /** Raw ESC/POS bytes, for jobs that are not receiptline documents. */
  payload?: Uint8Array;
}

/** The job as the contract shows it (without its document or bytes). */
export function toPrintJob(row: JobRow): PrintJob {
  return {
    id: row.id, deviceId: row.device_id, kind: row.kind, saleId: row.sale_id, receiptNo: row.receipt_no,
    copy: row.copy === 1, state: row.state, attempts: row.attempts, lastError: row.last_error,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/**
 * The persisted print queue (`print_job`). State moves queued → printing → done, or → failed;
 * `done` is written only after the printer confirmed the job. The unique index on original
 * receipts makes "queue this sale's receipt" idempotent.
 */
export function createPrintJobStore(local: LocalStore, clock: Clock, ids: IdGenerator) {
  const now = () => clock.now().toISOString();
  /**
   * Queue bookkeeping commits without an fsync (survives a crash of the app, not a power cut; the
   * next sale's durable commit flushes it too): a sale's background work must not queue fsyncs in
   * front of the next sale on the one connection. A lost `done` after a power cut shows as an
   * interrupted job (failed, never printed again on its own).
   */
  const write = <T>(fn: (db: Transaction<Database>) => Promise<T>) => local.withTransaction((trx) => fn(trx), { durability: 'process' });
  const byId = (id: string) => local.db.selectFrom('print_job').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  return {
    byId,

    /** Queues a job; an original receipt that is already queued (or printed) is returned as it is. */
    async enqueue(job: NewJob): Promise<{ row: JobRow; created: boolean }> {
      const id = ids.next();
      const at = now();
      const result = await write((db) => db.insertInto('print_job').values({
        id, device_id: job.deviceId, kind: job.kind, sale_id: job.saleId ?? null, receipt_no: job.receiptNo ?? null,
        copy: job.copy ? 1 : 0, document: job.document ?? null, payload: job.payload ? Buffer.from(job.payload) : null,
        state: 'queued', attempts: 0, last_error: null, next_attempt_at: null, created_at: at, updated_at: at,
      }).onConflict((oc) => oc.doNothing()).executeTakeFirst());
      if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) return { row: await byId(id), created: true };
      const existing = await local.db.selectFrom('print_job').selectAll()
        .where('sale_id', '=', job.saleId ?? '').where('kind', '=', 'receipt').where('copy', '=', 0).executeTakeFirstOrThrow();
      return { row: existing, created: false };
    },

    /** The oldest unfinished job of a device: jobs print in order, one at a time. */
    nextFor(deviceId: string): Promise<JobRow | undefined> {
      return local.db.selectFrom('print_job').selectAll().where('device_id', '=', deviceId).where('state', '=', 'queued')
        .orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
    },

    async markPrinting(id: string): Promise<JobRow> {
      // Durable before a byte is sent: after a power cut the job must come back as interrupted
      // (failed, for a person), never as queued (printed a second time on its own).
      await local.withTransaction((trx) => trx.updateTable('print_job').set((eb) => ({ state: 'printing', attempts: eb('attempts', '+', 1), updated_at: now() }))
        .where('id', '=', id).where('state', '=', 'queued').execute(), { durability: 'full' });
      return byId(id);
    },

    async markDone(id: string): Promise<JobRow> {
      await write((db) => db.updateTable('print_job').set({ state: 'done', last_error: null, next_attempt_at: null, updated_at: now() }).where('id', '=', id).execute());
      return byId(id);
    },

    async markFailed(id: string, error: string): Promise<JobRow> {
      await write((db) => db.updateTable('print_job').set({ state: 'failed', last_error: error, next_attempt_at: null, updated_at: now() }).where('id', '=', id).execute());
      return byId(id);
    },

    /** Back in the queue after nothing was sent (printer not ready or unreachable). */
    async requeue(id: string, error: string, nextAttemptAt: Date): Promise<JobRow> {
      await write((db) => db.updateTable('print_job').set({ state: 'queued', last_error: error, next_attempt_at: nextAttemptAt.toISOString(), updated_at: now() })
        .where('id', '=', id).execute());
      return byId(id);
    },

    /** A sent job still waiting for the printer (paper, cover): shown, not resent. */
    async noteWaiting(id: string, error: string): Promise<JobRow> {
      await write((db) => db.updateTable('print_job').set({ last_error: error, updated_at: now() }).where('id', '=', id).execute());
      return byId(id);
    },

    /** The printer came back: queued jobs may go now instead of at their backoff time. */
    async clearBackoff(deviceId: string): Promise<void> {
      await write((db) => db.updateTable('print_job').set({ next_attempt_at: null }).where('device_id', '=', deviceId).where('state', '=', 'queued').execute());
    },

    /** A failed job goes back to the queue on a person's decision. */
    async retry(id: string): Promise<JobRow | undefined> {
      await write((db) => db.updateTable('print_job').set({ state: 'queued', next_attempt_at: null, updated_at: now() }).where('id', '=', id).where('state', '=', 'failed').execute());
      return local.db.selectFrom('print_job').selectAll().where('id', '=', id).executeTakeFirst();
    },

    /**
     * Jobs left `printing` by a crash or power cut: whether they printed is unknown, so they fail
     * visibly instead of printing again on their own.
     */
    async failInterrupted(): Promise<number> {
      const result = await write((db) => db.updateTable('print_job')
        .set({ state: 'failed', last_error: 'interrupted while printing (the till stopped): check the paper, then retry or reprint', updated_at: now() })
        .where('state', '=', 'printing').executeTakeFirst());
      return Number(result.numUpdatedRows);
    },

    async counts(deviceId: string): Promise<{ pending: number; failed: number }> {
      const rows = await local.db.selectFrom('print_job').select(['state', (eb) => eb.fn.countAll<number>().as('n')])
        .where('device_id', '=', deviceId).where('state', 'in', ['queued', 'printing', 'failed']).groupBy('state').execute();
      const count = (state: string) => Number(rows.find((r) => r.state === state)?.n ?? 0);
      return { pending: count('queued') + count('printing'), failed: count('failed') };
    },

    async recent(limit: number): Promise<PrintJob[]> {
      const rows = await local.db.selectFrom('print_job').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toPrintJob);
    },

    async failed(): Promise<PrintJob[]> {
      const rows = await local.db.selectFrom('print_job').selectAll().where('state', '=', 'failed').orderBy('created_at', 'desc').limit(100).execute();
      return rows.map(toPrintJob);
    },
  };
}

export type PrintJobStore = ReturnType<typeof createPrintJobStore>;
