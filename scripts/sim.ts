// `npm run sim -- [--printer-port <n>] [--out <dir>]`: the counter's simulated devices for
// hands-on use, a network printer and a network scanner (POS_SIM_SCANNER_PORT, 9101 by default).
// Point a till at them:
//   POS_PRINTER=tcp://127.0.0.1:<port> POS_SCANNER=tcp://127.0.0.1:<port> npm run web -- --port 5173 --data /tmp/till --demo
// Type commands on stdin (`help` lists them); a line of digits alone is scanned. Every printed job
// is written to <out> as text and a PNG preview. Each device registers one `Simulator` in
// `startSimulators` below.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { PassThrough } from 'node:stream';
import { Resvg } from '@resvg/resvg-js';
import { previewSvg } from '../src-main/hardware/sim/printer/receipt-preview';
import { SimPrinter, type SimPrinterState } from '../src-main/hardware/sim/printer/sim-printer';
import { startScannerSim } from '../src-main/hardware/sim/scanner/scanner-sim';

interface Simulator {
  name: string;
  /** One line for the console: where to point the till. */
  describe(): string;
  /** The web host's environment variable that points at this device, e.g. `POS_PRINTER=tcp://…`. */
  env(): string;
  /** stdin commands this simulator understands: name → what it does, and the action. */
  commands: Record<string, { help: string; run(args: string[]): void | Promise<void> }>;
  close(): Promise<void>;
}

interface SimArgs {
  printerPort: number;
  out: string;
}

function parseArgs(argv: readonly string[]): SimArgs {
  const args: SimArgs = { printerPort: 9100, out: '' };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[++i];
    if (flag === '--printer-port' && value !== undefined && /^\d+$/.test(value)) args.printerPort = Number(value);
    else if (flag === '--out' && value) args.out = value;
    else throw new Error(`unknown or incomplete argument ${flag}; usage: npm run sim -- [--printer-port <n>] [--out <dir>]`);
  }
  args.out ||= mkdtempSync(join(tmpdir(), 'tillpoint-sim-'));
  return args;
}

async function startPrinter(args: SimArgs): Promise<Simulator> {
  const printer = new SimPrinter({ widthChars: 42 });
  try {
    await printer.listen(args.printerPort);
  } catch {
    // 9100 taken (a real print server on this machine): any free port will do.
    await printer.listen(0);
  }
  mkdirSync(args.out, { recursive: true });
  let saved = 0;
  const timer = setInterval(() => {
    while (saved < printer.jobs.length) {
      const job = printer.jobs[saved++]!;
      const base = join(args.out, `job-${String(saved).padStart(4, '0')}`);
      writeFileSync(`${base}.txt`, `${job.decoded.lines.join('\n')}\n`);
      const png = new Resvg(previewSvg(job.decoded, 42 * 12), { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans Mono' } }).render().asPng();
      writeFileSync(`${base}.png`, png);
      console.log(`printer: job ${saved} (${job.bytes.length} bytes${job.complete ? '' : ', incomplete'}) → ${base}.png`);
    }
  }, 200);
  const state = (s: SimPrinterState) => () => {
    printer.setState(s);
    console.log(`printer: ${s}`);
  };
  return {
    name: 'printer',
    env: () => `POS_PRINTER=${printer.url}`,
    describe: () => `printer: Epson-like network printer on ${printer.url}  (POS_PRINTER=${printer.url}); jobs in ${args.out}`,
    commands: {
      'paper-out': { help: 'the roll runs out', run: state('paperOut') },
      paper: { help: 'a new roll is loaded (ready)', run: state('ready') },
      'cover-open': { help: 'the cover is opened', run: state('coverOpen') },
      offline: { help: 'the printer goes offline', run: state('offline') },
      online: { help: 'back to ready', run: state('ready') },
      'near-end': { help: 'toggle the paper near-end sensor', run: () => void (printer.paperNearEnd = !printer.paperNearEnd) },
      'drawer-close': { help: 'push the drawer shut', run: () => printer.setDrawerOpen(false) },
      drop: { help: 'close every connection from the printer side', run: () => printer.dropConnections() },
      jobs: { help: 'list printed jobs', run: () => printer.jobs.forEach((j, i) => console.log(`${i + 1}: ${j.decoded.lines.find((l) => l.trim()) ?? ''}`)) },
      kicks: { help: 'list drawer kicks', run: () => printer.drawerKicks.forEach((k) => console.log(`${k.kind} pin ${k.pin}: ${k.bytes.toString('hex')}`)) },
    },
    close: async () => {
      clearInterval(timer);
      await printer.close();
    },
  };
}

/**
 * The network scanner (src-main/hardware/sim/scanner/scanner-sim.ts). It reads its own line
 * stream: stdin also carries the printer's commands, so only `scan <code>`, a bare line of digits
 * and `scanner drop` are passed on to it.
 */
async function startScanner(): Promise<Simulator> {
  const input = new PassThrough();
  const options = { input, log: (line: string) => console.log(line) };
  const requested = Number(process.env.POS_SIM_SCANNER_PORT ?? 9101);
  // The port is taken (another sim still running): any free port will do, as for the printer.
  const scanner = await startScannerSim({ ...options, port: requested }).catch(() => startScannerSim({ ...options, port: 0 }));
  return {
    name: 'scanner',
    env: () => `POS_SCANNER=tcp://127.0.0.1:${scanner.port}`,
    describe: () => `scanner: network scanner on tcp://127.0.0.1:${scanner.port}  (POS_SCANNER=tcp://127.0.0.1:${scanner.port})`,
    commands: {
      scan: { help: 'scan a barcode: scan <code> (or type the digits alone)', run: (args) => void input.write(`${args.join(' ')}\n`) },
      drop: { help: 'cut the connection to the till (it reconnects)', run: () => void input.write('drop\n') },
    },
    close: async () => {
      input.end();
      await scanner.close();
    },
  };
}

async function startSimulators(args: SimArgs): Promise<Simulator[]> {
  return [await startPrinter(args), await startScanner()];
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const sims = await startSimulators(args);
  for (const sim of sims) console.log(sim.describe());
  console.log(`point a till at them: ${sims.map((s) => s.env()).join(' ')} npm run web -- --port 5173 --data /tmp/till --demo`);
  console.log('type `help` for commands, `quit` to stop');
  const stop = async () => {
    await Promise.all(sims.map((s) => s.close()));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  const input = createInterface({ input: process.stdin });
  input.on('line', (line) => {
    const [command = '', ...rest] = line.trim().split(/\s+/);
    if (command === '') return;
    if (command === 'quit' || command === 'exit') return void stop();
    if (command === 'help') {
      for (const sim of sims) for (const [name, c] of Object.entries(sim.commands)) console.log(`  ${sim.name} ${name.padEnd(14)} ${c.help}`);
      return;
    }
    // `paper-out` or `printer paper-out`: the device name is optional while names are unique.
    const named = sims.find((s) => s.name === command);
    const [name, params] = named ? [rest[0] ?? '', rest.slice(1)] : [command, rest];
    const target = (named ? [named] : sims).find((s) => name in s.commands);
    if (!target && /^\d+$/.test(command) && rest.length === 0) return void sims.find((s) => s.name === 'scanner')?.commands.scan!.run([command]);
    if (!target) return void console.log(`unknown command ${line.trim()}; type help`);
    void Promise.resolve(target.commands[name]!.run(params)).catch((error: unknown) => console.error(String(error)));
  });
  input.on('close', () => {
    // stdin closed (not a terminal): keep running until a signal.
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
