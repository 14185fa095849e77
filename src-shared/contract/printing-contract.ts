import { z } from 'zod';
import { id, none } from './common';

/**
 * Receipt printers, their persisted print queue and the cash drawer behind them.
 * Nothing here ever waits for paper: calls enqueue and return; progress arrives as
 * `printer.jobChanged` and `printer.statusChanged` events.
 */

export const PrinterTransportType = z.enum(['tcp', 'serial', 'usbLp', 'spooler']);
export type PrinterTransportType = z.infer<typeof PrinterTransportType>;

/** receiptline code pages (`multilingual` switches pages per character with ESC t). */
export const PrinterCodePage = z.enum(['multilingual', 'cp437', 'cp858', 'cp852', 'cp866', 'cp1252']);
export type PrinterCodePage = z.infer<typeof PrinterCodePage>;

/** Which level of the drawer connector's pin 3 means "open": drawers differ. */
export const DrawerSensor = z.enum(['none', 'openWhenHigh', 'openWhenLow']);
export type DrawerSensor = z.infer<typeof DrawerSensor>;

/** An even number of milliseconds 2…510: ESC p counts the pulse in 2 ms units, one byte. */
const pulseMs = z.number().int().min(2).max(510).refine((v) => v % 2 === 0, 'pulse is counted in 2 ms steps');

export const DeviceConfig = z.object({
  id,
  name: z.string().trim().min(1).max(60),
  kind: z.literal('receiptPrinter'),
  enabled: z.boolean(),
  transport: PrinterTransportType,
  /** `host:port` (tcp), a device path (serial, usbLp) or a Windows printer name (spooler). */
  address: z.string().trim().min(1).max(200),
  baudRate: z.number().int().min(1_200).max(921_600).default(19_200),
  /** Characters per line: 48 or 42 on 80 mm paper (font A at 12 or 13.5 dots), 32 on 58 mm. */
  widthChars: z.union([z.literal(32), z.literal(42), z.literal(48)]),
  codePage: PrinterCodePage,
  /** Enables Automatic Status Back (GS a) besides polling with DLE EOT. */
  autoStatusBack: z.boolean().default(true),
  drawer: z.object({
    /** Connector pin 2 (ESC p m=0) or pin 5 (m=1). */
    pin: z.union([z.literal(2), z.literal(5)]),
    onMs: pulseMs,
    offMs: pulseMs,
    sensor: DrawerSensor,
    /** Seconds the sensor may say "open" before `drawer.leftOpen` fires; 0 turns the reminder off. */
    reminderSeconds: z.number().int().min(0).max(3_600),
  }).strict(),
}).strict().superRefine((device, ctx) => {
  if (device.transport === 'tcp' && !/^[A-Za-z0-9.\-[\]:]+:\d{1,5}$/.test(device.address)) {
    ctx.addIssue({ code: 'custom', path: ['address'], message: 'a network printer needs host:port, e.g. 192.168.1.50:9100' });
  }
  if ((device.transport === 'serial' || device.transport === 'usbLp') && !/^(\/dev\/|COM\d+$|\\\\\.\\)/.test(device.address)) {
    ctx.addIssue({ code: 'custom', path: ['address'], message: 'a serial or USB printer needs a device path such as /dev/usb/lp0 or COM3' });
  }
});
export type DeviceConfig = z.infer<typeof DeviceConfig>;

export const PrinterState = z.enum(['unknown', 'ready', 'paperOut', 'coverOpen', 'offline', 'error', 'unreachable']);
export type PrinterState = z.infer<typeof PrinterState>;

export const PrinterStatus = z.object({
  deviceId: id,
  name: z.string(),
  state: PrinterState,
  online: z.boolean(),
  coverOpen: z.boolean(),
  paperEnd: z.boolean(),
  paperNearEnd: z.boolean(),
  /** `null` when the drawer has no sensor configured or the printer did not answer. */
  drawerOpen: z.boolean().nullable(),
  /** Queued or printing jobs waiting for this printer. */
  pendingJobs: z.number().int().min(0),
  failedJobs: z.number().int().min(0),
  detail: z.string().nullable(),
  checkedAt: z.string().nullable(),
});
export type PrinterStatus = z.infer<typeof PrinterStatus>;

export const PrintJobKind = z.enum(['receipt', 'report', 'test']);
export const PrintJobState = z.enum(['queued', 'printing', 'done', 'failed']);
export type PrintJobState = z.infer<typeof PrintJobState>;

export const PrintJob = z.object({
  id,
  deviceId: id,
  kind: PrintJobKind,
  saleId: z.string().nullable(),
  receiptNo: z.string().nullable(),
  /** A reprint: its document says COPY. */
  copy: z.boolean(),
  state: PrintJobState,
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PrintJob = z.infer<typeof PrintJob>;

export const DrawerLeftOpen = z.object({ deviceId: id, openSince: z.string(), seconds: z.number().int() });
export type DrawerLeftOpen = z.infer<typeof DrawerLeftOpen>;

export const printingContract = {
  /** The last known status of every enabled printer (read by a background poller, never on the call). */
  'printer.status': { input: none, output: z.array(PrinterStatus) },
  /** Recent jobs (newest first) and every failed job still waiting for a decision. */
  'printer.jobs': {
    input: z.object({ limit: z.number().int().min(1).max(100).default(20) }).strict(),
    output: z.object({ recent: z.array(PrintJob), failed: z.array(PrintJob) }),
  },
  /** Queues a new job for a sale's receipt that says COPY; the original job is never printed again. */
  'printer.reprint': { input: z.object({ saleId: id }).strict(), output: PrintJob },
  /** Puts a failed job back in the queue (the same document: a job that never printed is not a copy). */
  'printer.retry': { input: z.object({ jobId: id }).strict(), output: PrintJob },
  /** Queues a test page on a printer (the default printer when omitted). */
  'printer.testPage': { input: z.object({ deviceId: id.optional() }).strict(), output: PrintJob },
  /**
   * Opens the cash drawer without a sale ("no sale"). Permission is checked first; the opening is
   * logged. Sent to the printer in the background: `{ queued: true }` is not a promise it opened.
   */
  'drawer.open': {
    input: z.object({ note: z.string().trim().max(200).optional(), deviceId: id.optional() }).strict(),
    output: z.object({ eventId: id, queued: z.boolean() }),
  },
  /** Configured devices. */
  'devices.list': { input: none, output: z.array(DeviceConfig) },
  /** Adds or replaces a device (by id); the first enabled printer is the default one. */
  'devices.save': { input: DeviceConfig, output: DeviceConfig },
} as const;
