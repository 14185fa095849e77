import { describe, expect, it } from 'vitest';
import { EAN13_ONE_REPORT, GS1_128_TWO_REPORTS, HID_POS_FIXTURES, NON_SCAN_REPORT, QR_THREE_REPORTS } from '../sim/scanner/hid-pos-fixtures';
import { encodeHidPosReports, HidPosAssembler, STANDARD_HID_POS_LAYOUT } from './hid-pos-report';

const feed = (assembler: HidPosAssembler, reports: readonly Uint8Array[]) => reports.map((r) => assembler.push(r));

describe('HID-POS Scanned Data Report assembly', () => {
  it('reads a one-report EAN-13 with its AIM identifier, skipping the vendor bytes', () => {
    expect(feed(new HidPosAssembler(), EAN13_ONE_REPORT.reports)).toEqual([{ data: '5012345000015', symbology: ']E0' }]);
  });

  it('joins a GS1-128 over two reports and a QR code over three, only when the continued flag clears', () => {
    const assembler = new HidPosAssembler();
    expect(feed(assembler, GS1_128_TWO_REPORTS.reports)).toEqual([null, { data: GS1_128_TWO_REPORTS.data, symbology: ']C1' }]);
    expect(GS1_128_TWO_REPORTS.data).toContain('\x1d');
    expect(feed(assembler, QR_THREE_REPORTS.reports)).toEqual([null, null, { data: QR_THREE_REPORTS.data, symbology: ']Q1' }]);
  });

  it('ignores reports with another ID, also in the middle of a multi-report barcode', () => {
    const [first, second] = GS1_128_TWO_REPORTS.reports as [Uint8Array, Uint8Array];
    expect(feed(new HidPosAssembler(), [NON_SCAN_REPORT, first, NON_SCAN_REPORT, second]).at(-1)?.data).toBe(GS1_128_TWO_REPORTS.data);
  });

  it('the encoder used by the simulator produces exactly the recorded reports', () => {
    for (const fixture of HID_POS_FIXTURES) {
      const encoded = encodeHidPosReports(fixture.data, fixture.symbology).map((r) => Buffer.from(r).subarray(0, 61).toString('hex'));
      // Bytes 61-62 are the vendor's own code ID, which the encoder leaves at zero.
      expect(encoded).toEqual(fixture.reports.map((r) => Buffer.from(r).subarray(0, 61).toString('hex')));
      expect(fixture.reports.map((r) => r[63])).toEqual(encodeHidPosReports(fixture.data, fixture.symbology).map((r) => r[63]));
    }
  });

  it('drops a partial barcode whose continuation never comes, and one that grows without end', () => {
    let now = 0;
    const assembler = new HidPosAssembler(STANDARD_HID_POS_LAYOUT, { staleMs: 500, now: () => now });
    assembler.push(GS1_128_TWO_REPORTS.reports[0]!);
    now = 2_000;
    expect(feed(assembler, EAN13_ONE_REPORT.reports)).toEqual([{ data: '5012345000015', symbology: ']E0' }]);

    const bounded = new HidPosAssembler(STANDARD_HID_POS_LAYOUT, { maxBytes: 100 });
    // 5 reports, 280 bytes: over the limit from the second on; none of it may come out, nor
    // be glued to the next barcode.
    const oversized = encodeHidPosReports('9'.repeat(56 * 5), ']X0');
    expect(feed(bounded, oversized)).toEqual([null, null, null, null, null]);
    expect(feed(bounded, EAN13_ONE_REPORT.reports)).toEqual([{ data: '5012345000015', symbology: ']E0' }]);
  });

  it('clamps a length byte larger than the report and treats missing symbology as unknown', () => {
    const report = encodeHidPosReports('12345678', null)[0]!;
    expect(new HidPosAssembler().push(report)).toEqual({ data: '12345678', symbology: null });
    report[1] = 200;
    expect(new HidPosAssembler().push(report)?.data).toHaveLength(56);
    const noBracket = encodeHidPosReports('96385074', 'E4')[0]!;
    expect(new HidPosAssembler().push(noBracket)?.symbology).toBe(']E4');
  });
});
