/**
 * ESC/POS byte sequences the driver sends itself (receiptline makes the receipts).
 * Epson ESC/POS Command Reference: https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/
 */
import type { DrawerPulse } from '../../core/hardware/receipt-printer';

export const DLE = 0x10;
export const EOT = 0x04;
export const ENQ = 0x05;
export const DC4 = 0x14;
export const ESC = 0x1b;
export const GS = 0x1d;

/** DLE EOT n: real-time status. 1 printer, 2 offline cause, 3 error cause, 4 roll paper sensor. */
export type StatusRequest = 1 | 2 | 3 | 4;
export const realTimeStatus = (n: StatusRequest): Buffer => Buffer.from([DLE, EOT, n]);

/** GS r 1: transmit paper sensor status. Processed in order, after everything sent before it. */
export const transmitPaperStatus = (): Buffer => Buffer.from([GS, 0x72, 0x01]);

/** GS a n: Automatic Status Back for drawer (bit 0), online (1), error (2), roll paper (3). */
export const automaticStatusBack = (enabled: boolean): Buffer => Buffer.from([GS, 0x61, enabled ? 0x0f : 0x00]);

/** ESC @: initialise the printer. */
export const initialize = (): Buffer => Buffer.from([ESC, 0x40]);

/** Milliseconds → ESC p's 2 ms units, one byte (1…255). */
export function pulseUnits(ms: number): number {
  return Math.min(255, Math.max(1, Math.round(ms / 2)));
}

/**
 * ESC p m t1 t2 — always all five bytes: some printers wait for t1/t2 and a 3-byte form leaves
 * the drawer shut or eats the next bytes (the "opens 2 times in 10" of ../shared/LESSONS.md).
 * m = 0 for connector pin 2, 1 for pin 5 (https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/esc_lp.html).
 */
export function drawerKick(pulse: DrawerPulse): Buffer {
  return Buffer.from([ESC, 0x70, pulse.pin === 2 ? 0 : 1, pulseUnits(pulse.onMs), pulseUnits(pulse.offMs)]);
}

/**
 * DLE DC4 1 m t: the real-time pulse, executed on receipt even when the printer is offline or
 * waiting for paper. t counts 100 ms units (1…8) and sets both on and off time
 * (https://download4.epson.biz/sec_pubs/pos/reference_en/escpos/dle_dc4_1.html).
 */
export function realTimeDrawerKick(pulse: DrawerPulse): Buffer {
  const t = Math.min(8, Math.max(1, Math.round(pulse.onMs / 100)));
  return Buffer.from([DLE, DC4, 0x01, pulse.pin === 2 ? 0 : 1, t]);
}

/** The driver's own test page, made of plain ESC/POS so it works before any receipt setting is right. */
export function testPage(lines: readonly string[]): Buffer {
  const body = lines.map((line) => `${line.replace(/[^\x20-\x7e]/g, '?')}\n`).join('');
  return Buffer.concat([initialize(), Buffer.from(body, 'latin1'), Buffer.from('\n\n\n', 'latin1'), Buffer.from([GS, 0x56, 0x42, 0x00])]);
}
