import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../../src-shared/sync/protocol';
import { adminClient, spawnSyncServer, TEST_ADMIN_PASSWORD, type SpawnedSyncServer } from '../../../sync-server/testing';
import { enrollTerminal, pushBody, saleEvent, seedCatalog } from './helpers';

let dir: string | undefined;
const running: SpawnedSyncServer[] = [];

afterAll(async () => {
  for (const s of running) {
    if (s.process.exitCode === null && s.process.signalCode === null) {
      s.process.kill('SIGTERM');
      await s.exited;
    }
  }
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('sync-server process with embedded PostgreSQL', () => {
  it('survives SIGKILL: restarts on the same data, stops the orphan PostgreSQL, keeps acknowledged sales', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sync-proc-'));
    const first = await spawnSyncServer({ dataDir: join(dir, 'data') });
    running.push(first);
    const admin = await adminClient(first.url, TEST_ADMIN_PASSWORD);
    const { code } = await admin.createStore();
    const [product] = await seedCatalog(admin, 1);
    const till = await enrollTerminal(first.url, code);
    const events = [1, 2].map((seq) => saleEvent(till, seq, product ?? ''));
    const pushed = await till.call<PushResponse>('POST', '/sync/v1/push', pushBody(till, events));
    expect(pushed.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);

    first.process.kill('SIGKILL');
    await first.exited;
    const second = await spawnSyncServer({ dataDir: join(dir, 'data') });
    running.push(second);
    const resent = await fetch(`${second.url}sync/v1/push`, {
      method: 'POST', headers: { authorization: `Bearer ${till.credential}`, 'content-type': 'application/json' }, body: JSON.stringify(pushBody(till, events)),
    });
    expect(((await resent.json()) as PushResponse).results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);

    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
