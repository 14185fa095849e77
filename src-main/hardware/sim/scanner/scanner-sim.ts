import { createInterface } from 'node:readline';
import { SimTcpScanner } from './sim-tcp-scanner';

export interface ScannerSimOptions {
  /** TCP port on 127.0.0.1 (9101 by default; 0 picks a free one). */
  port?: number;
  /** Where typed barcodes come from, one per line (stdin for `npm run sim`). */
  input: NodeJS.ReadableStream;
  log: (line: string) => void;
}

/**
 * The hands-on scanner of `npm run sim`: every line typed on `input` is sent as one scan to the
 * web host (started with `POS_SCANNER=tcp://127.0.0.1:9101`), framed like a serial scanner
 * (code + CR). `drop` cuts the connection to try the reconnect; the host comes back by itself.
 */
export async function startScannerSim(options: ScannerSimOptions): Promise<{ port: number; close(): Promise<void> }> {
  const sim = new SimTcpScanner();
  const port = await sim.listen(options.port ?? 9101);
  options.log(`scanner sim: POS_SCANNER=tcp://127.0.0.1:${port} — type a barcode and Enter to scan it, "drop" to cut the connection`);
  const lines = createInterface({ input: options.input, crlfDelay: Infinity });
  lines.on('line', (line) => {
    const code = line.trim();
    if (code === '') return;
    if (code === 'drop') {
      sim.dropClients();
      options.log('scanner sim: connections dropped');
      return;
    }
    const received = sim.scan(code);
    options.log(received === 0 ? `scanner sim: ${code} not sent, no host connected` : `scanner sim: scanned ${code}`);
  });
  return {
    port,
    close: async () => {
      lines.close();
      await sim.close();
    },
  };
}
