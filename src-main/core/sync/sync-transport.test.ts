import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../../src-shared/sync/protocol';
import { dependantsOf } from '../../../test/support/abort-dependants';
import { createSyncTransport, SyncRequestError, type FetchFn } from './sync-transport';

const hello = { protocol: PROTOCOL_VERSION, terminalId: '0190a000-0000-7000-8000-000000000001', installEpoch: 1, appVersion: 'test', terminalTime: '2026-12-07T10:00:00.000Z', lastSeq: 0 };

describe('sync transport', () => {
  it('leaves nothing on the loop’s long-lived stop signal, however many requests it makes', async () => {
    const refusing: FetchFn = () => Promise.resolve(new Response('{"error":{"code":"UNAUTHENTICATED","message":"no credential"}}', { status: 401 }));
    const transport = createSyncTransport({ serverUrl: 'http://127.0.0.1:9/', credential: 'c', fetch: refusing });
    const stop = new AbortController();
    for (let i = 0; i < 200; i++) await expect(transport.hello(hello, stop.signal)).rejects.toBeInstanceOf(SyncRequestError);
    expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
    expect(dependantsOf(stop.signal)).toBe(0);
  });

  it('stopping the loop cancels a request in flight', async () => {
    const hanging: FetchFn = (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)));
    const transport = createSyncTransport({ serverUrl: 'http://127.0.0.1:9/', credential: 'c', fetch: hanging });
    const stop = new AbortController();
    const call = transport.hello(hello, stop.signal);
    stop.abort(new Error('stopping'));
    await expect(call).rejects.toMatchObject({ kind: 'network', message: expect.stringContaining('stopping') });
  });

  it('gives up after its deadline with a clear message', async () => {
    const hanging: FetchFn = (_url, init) => new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason as Error)));
    const transport = createSyncTransport({ serverUrl: 'http://127.0.0.1:9/', credential: 'c', fetch: hanging, timeoutMs: 30 });
    await expect(transport.hello(hello, new AbortController().signal)).rejects.toMatchObject({ kind: 'network', message: expect.stringContaining('no answer within 30 ms') });
  });
});
