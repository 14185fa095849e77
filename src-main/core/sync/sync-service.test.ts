import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src-shared/id';
import { createCore, type Core } from '../create-core';
import type { LocalStore } from '../db/local-store';
import { openLocalStore } from '../db/open-local-store';
import { silentLogger } from '../deps';
import { DEMO_BARCODES, seedDemoStore } from '../demo/seed-demo-store';
import { databaseDigest } from '../../../test/support/core-fixture';
import { sell } from '../../../test/support/fake-sync-server';
import { createMemorySecretStore } from './secret-store';
import type { FetchFn } from './sync-transport';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function till(fetch: FetchFn): Promise<{ core: Core; local: LocalStore }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'tillpoint-sync-service-'));
  const clock = { now: () => new Date('2026-11-21T10:00:00.000Z') };
  const local = await openLocalStore({ dataDir, appVersion: '0.0.0-test', logger: silentLogger, clock });
  await seedDemoStore(local, { clock, ids: { next: newId } });
  const core = await createCore({ local, clock, ids: { next: newId }, logger: silentLogger, appVersion: '0.0.0-test', fetch, secrets: createMemorySecretStore() });
  cleanups.push(async () => {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { core, local };
}

const answer = (status: number, body: unknown): FetchFn => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const enrollInput = { serverUrl: 'http://127.0.0.1:9/', code: 'ABCD-EFGH-JKMN', terminalName: 'Till 1' };

describe('sync service without a server', () => {
  it('reports a standalone terminal: not enrolled, offline, pending sales counted; sync.now says NOT_ENROLLED', async () => {
    const { core } = await till(answer(500, {}));
    await sell(core.handlers, DEMO_BARCODES.milk);
    const status = await core.handlers['sync.status']({});
    expect(status).toMatchObject({ enrolled: false, online: false, revoked: false, pendingCount: 1, oldestPendingAgeMs: 0, lastSyncAt: null, clockWarning: false });
    expect(status.catalogCompleteness.map((s) => [s.stream, s.complete])).toEqual([['catalog', false], ['people', false], ['store', false], ['facts', false]]);
    await expect(core.handlers['sync.now']({})).rejects.toMatchObject({ code: 'NOT_ENROLLED' });
  });

  it('a refused code is ENROLL_REFUSED, an unreachable server SERVER_UNREACHABLE; nothing changes', async () => {
    const refused = await till(answer(401, { error: { code: 'UNAUTHENTICATED', message: 'enrollment code unknown, expired or already used' } }));
    const before = databaseDigest(refused.local);
    await expect(refused.core.handlers['sync.enroll'](enrollInput)).rejects.toMatchObject({ code: 'ENROLL_REFUSED', message: expect.stringMatching(/already used/) });
    expect(databaseDigest(refused.local)).toBe(before);

    const down = await till(async () => {
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') });
    });
    await expect(down.core.handlers['sync.enroll'](enrollInput)).rejects.toMatchObject({ code: 'SERVER_UNREACHABLE', message: expect.stringMatching(/ECONNREFUSED/) });
    const garbled = await till(answer(200, { hello: 'world' }));
    await expect(garbled.core.handlers['sync.enroll'](enrollInput)).rejects.toMatchObject({ code: 'SERVER_UNREACHABLE' });
  });
});
