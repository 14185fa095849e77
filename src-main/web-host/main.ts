import { fileURLToPath } from 'node:url';
import { bootCore } from '../core/boot';
import { stderrLogger } from '../core/deps';
import { appVersion } from '../app-version';
import { createPrinterConnector } from '../hardware/printer/connect-printer';
import { discoverScanners, scannersFromConfig } from '../hardware/scanner/scanners-from-config';
import { parseWebHostArgs } from './args';
import { createWebHostServer } from './http-server';

/** `npm run web -- --port <port> --data <dir> [--demo]`: the terminal in a browser. Compose only. */
async function main(): Promise<void> {
  const args = parseWebHostArgs(process.argv.slice(2));
  const logger = stderrLogger;
  const core = await bootCore({
    dataDir: args.data, appVersion, demo: args.demo, logger,
    // POS_DEMO_OPEN=1: a demo without sign-in and shifts, for benchmarks and fault runs only (core/boot.ts).
    demoOpen: process.env.POS_DEMO_OPEN === '1',
    printerConnector: createPrinterConnector(), printerUrl: process.env.POS_PRINTER,
    // POS_SCANNER: serial, HID-POS or tcp:// scanners read in main (README "Scanners and barcodes").
    scanning: { scanners: scannersFromConfig(process.env.POS_SCANNER), discover: () => discoverScanners() },
  });
  // The replication loop (ARCHITECTURE.md §5); core.close() on SIGTERM stops it before the database closes.
  core.sync.start();
  const rendererDir = process.env.POS_RENDERER_DIR ?? fileURLToPath(new URL('../renderer/', import.meta.url));
  const server = createWebHostServer({ core, rendererDir, logger, validateOutput: process.env.NODE_ENV !== 'production' });
  server.listen(args.port, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    process.stdout.write(`ready http://127.0.0.1:${port}/\n`);
  });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    core.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
