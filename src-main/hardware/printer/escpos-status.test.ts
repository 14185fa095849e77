import { describe, expect, it } from 'vitest';
import { drawerKick, realTimeDrawerKick } from './escpos-commands';
import { decodeAsb, decodeOfflineCause, decodePaperSensor, decodePrinterStatus, InboundParser } from './escpos-status';

describe('Epson status bytes', () => {
  it('decodes DLE EOT answers bit by bit (fixed bits 1 and 4 on)', () => {
    expect(decodePrinterStatus(0x12)).toEqual({ pin3High: false, offline: false });
    expect(decodePrinterStatus(0x1e)).toEqual({ pin3High: true, offline: true });
    expect(decodeOfflineCause(0x32)).toEqual({ coverOpen: false, feeding: false, paperEndStop: true, error: false });
    expect(decodeOfflineCause(0x56)).toEqual({ coverOpen: true, feeding: false, paperEndStop: false, error: true });
    expect(decodePaperSensor(0x1e)).toEqual({ nearEnd: true, paperEnd: false });
    expect(decodePaperSensor(0x72)).toEqual({ nearEnd: false, paperEnd: true });
  });

  it('tells DLE EOT answers, 4-byte ASB messages and GS r answers apart, across chunks', () => {
    const parser = new InboundParser();
    expect(parser.push(Buffer.from([0x12, 0x14, 0x00]))).toEqual([{ kind: 'realtime', byte: 0x12 }]);
    expect(parser.push(Buffer.from([0x0c, 0x00, 0x13, 0x0c]))).toEqual([{ kind: 'asb', bytes: [0x14, 0x00, 0x0c, 0x00] }, { kind: 'gsr', byte: 0x0c }]);
    expect(decodeAsb([0x3c, 0x40, 0x0c, 0x00])).toMatchObject({ pin3High: true, offline: true, coverOpen: true, autoRecoverableError: true, paperEnd: true, paperNearEnd: false });
  });

  it('builds the five-byte ESC p and the real-time DLE DC4 kick', () => {
    expect([...drawerKick({ pin: 2, onMs: 50, offMs: 500 })]).toEqual([0x1b, 0x70, 0, 25, 250]);
    expect([...drawerKick({ pin: 5, onMs: 100, offMs: 200 })]).toEqual([0x1b, 0x70, 1, 50, 100]);
    expect([...drawerKick({ pin: 2, onMs: 2_000, offMs: 0 })]).toEqual([0x1b, 0x70, 0, 255, 1]);
    expect([...realTimeDrawerKick({ pin: 5, onMs: 300, offMs: 500 })]).toEqual([0x10, 0x14, 1, 1, 3]);
  });
});
