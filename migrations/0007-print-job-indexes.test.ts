import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../src-main/core/deps';
import type { LocalStore } from '../src-main/core/db/local-store';
import { openLocalStore } from '../src-main/core/db/open-local-store';

let dataDir: string;
let store: LocalStore | undefined;
afterEach(async () => {
  await store?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// The print-job store's queries (core/printing/print-job-store.ts), as Kysely compiles them.
const QUERIES = {
  failInterrupted: `UPDATE print_job SET state = 'failed' WHERE state = 'printing'`,
  failed: `SELECT * FROM print_job WHERE state = 'failed' ORDER BY created_at DESC LIMIT 100`,
  recent: `SELECT * FROM print_job ORDER BY created_at DESC, id DESC LIMIT 20`,
  nextFor: `SELECT * FROM print_job WHERE device_id = 'd' AND state = 'queued' ORDER BY created_at, id LIMIT 1`,
};

describe('migration 0007-print-job-indexes', () => {
  it('lets no print-job query read the whole table (each job holds its rendered receipt)', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-m0007-'));
    store = await openLocalStore({ dataDir, appVersion: '0.1.0', logger: silentLogger });
    for (const [name, sql] of Object.entries(QUERIES)) {
      const plan = (store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail);
      expect(plan.filter((detail) => /^SCAN print_job\b(?! USING)/.test(detail)), `${name}: ${plan.join('; ')}`).toEqual([]);
    }
  });
});
