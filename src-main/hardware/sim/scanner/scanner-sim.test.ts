import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { TcpScanner } from '../../scanner/tcp-scanner';
import { startScannerSim } from './scanner-sim';

describe('npm run sim scanner', () => {
  it('sends each typed line as a scan to a connected host, and "drop" makes it reconnect', async () => {
    const input = new PassThrough();
    const log: string[] = [];
    const sim = await startScannerSim({ port: 0, input, log: (line) => log.push(line) });
    const scanner = new TcpScanner({ host: '127.0.0.1', port: sim.port, backoff: { initialMs: 5, maxMs: 20 } });
    const codes: string[] = [];
    const statuses: string[] = [];
    scanner.onScan((scan) => codes.push(scan.code));
    scanner.onStatus((change) => statuses.push(change.status));
    try {
      input.write('5012345000015\n');
      await vi.waitFor(() => expect(log.at(-1)).toMatch(/not sent, no host connected/));
      await scanner.start();
      await vi.waitFor(() => {
        input.write('96385074\n');
        expect(codes).toContain('96385074');
      });
      input.write('drop\n');
      await vi.waitFor(() => expect(statuses.slice(-2)).toEqual(['disconnected', 'connected']));
      input.write('4006381333931\n');
      await vi.waitFor(() => expect(codes.at(-1)).toBe('4006381333931'));
      expect(log[0]).toMatch(new RegExp(`POS_SCANNER=tcp://127.0.0.1:${sim.port}`));
    } finally {
      await scanner.stop();
      await sim.close();
    }
  });
});
