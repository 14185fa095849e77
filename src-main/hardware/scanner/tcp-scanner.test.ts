import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimTcpScanner } from '../sim/scanner/sim-tcp-scanner';
import { TcpScanner } from './tcp-scanner';

describe('TcpScanner against the loopback simulator', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  it('reads scans, and reconnects after the connection is dropped', async () => {
    const sim = new SimTcpScanner();
    const port = await sim.listen();
    const scanner = new TcpScanner({ host: '127.0.0.1', port, backoff: { initialMs: 5, maxMs: 20 } });
    cleanups.push(() => scanner.stop(), () => sim.close());
    const codes: string[] = [];
    scanner.onScan((scan) => codes.push(scan.code));
    await scanner.start();
    expect(scanner.status().status).toBe('connected');
    expect(scanner.id).toBe(`tcp://127.0.0.1:${port}`);
    await vi.waitFor(() => expect(sim.connected).toBe(1));
    sim.scan('5012345000015');
    await vi.waitFor(() => expect(codes).toEqual(['5012345000015']));

    sim.dropClients();
    await vi.waitFor(() => expect(sim.connected).toBe(1));
    await vi.waitFor(() => expect(scanner.status().status).toBe('connected'));
    sim.scan('96385074');
    await vi.waitFor(() => expect(codes).toEqual(['5012345000015', '96385074']));
  });

  it('nobody listening: disconnected with the reason, no exception', async () => {
    const sim = new SimTcpScanner();
    const port = await sim.listen();
    await sim.close();
    const scanner = new TcpScanner({ host: '127.0.0.1', port, backoff: { initialMs: 1_000, maxMs: 1_000 } });
    cleanups.push(() => scanner.stop());
    await scanner.start();
    expect(scanner.status()).toEqual({ status: 'disconnected', detail: expect.stringMatching(/ECONNREFUSED.*retrying in 1000 ms/) });
  });
});
