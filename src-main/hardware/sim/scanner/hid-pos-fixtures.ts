/**
 * HID-POS input reports for tests and the simulator, as a scanner in HID-POS mode sends them
 * (64-byte Scanned Data Reports, layout in src-main/hardware/scanner/hid-pos-report.ts).
 *
 * Honesty note: these were not captured from a physical scanner on this project's machines (none
 * is attached to the build hosts). They are written byte by byte from the report descriptor that
 * Honeywell/Metrologic HID-POS scanners publish, including the two vendor bytes (Honeywell's
 * own code ID: `d` EAN-13, `I` GS1-128, `s` QR) that our parser must skip. Replace or extend
 * them with `hidraw` dumps (`cat /dev/hidrawN | xxd -c 64`) of a real device when one is at hand.
 *
 * Each report in hex: `02` report ID · length · 3 AIM bytes · 56 data bytes · 2 vendor bytes · flags.
 */

const hex = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'hex'));

export interface HidPosFixture {
  /** What the reports decode to. */
  data: string;
  symbology: string;
  reports: readonly Uint8Array[];
}

/** EAN-13 5012345000015 (the demo store's bread) in one report: length 0x0d, `]E0`, flags 00. */
export const EAN13_ONE_REPORT: HidPosFixture = {
  data: '5012345000015',
  symbology: ']E0',
  reports: [
    hex('020d5d45303530313233343530303030313500000000000000000000000000000000000000000000000000000000000000000000000000000000000000640000'),
  ],
};

/**
 * A GS1-128 with GTIN, expiry, batch, FNC1 (GS, 0x1d) and serial: 71 bytes in two reports. The
 * first is full (length 0x38 = 56) with Decode Data Continued set (last byte 01); the second
 * holds the remaining 15 bytes and clears it.
 */
export const GS1_128_TWO_REPORTS: HidPosFixture = {
  data: '010501234500001517261130' + '10LOT2026-11-A\x1d21SN0000000000000000000000000042',
  symbology: ']C1',
  reports: [
    hex('02385d433130313035303132333435303030303135313732363131333031304c4f54323032362d31312d411d3231534e30303030303030303030303030490001'),
    hex('020f5d43313030303030303030303030303034320000000000000000000000000000000000000000000000000000000000000000000000000000000000490000'),
  ],
};

/** A QR code with a receipt URL, 119 bytes over three reports (56 + 56 + 7). */
export const QR_THREE_REPORTS: HidPosFixture = {
  data: 'https://tillpoint.example/receipt/0193a7f2-6c1e-7d4b-9a2f-3b8e5c1d7f60?terminal=T01&seq=000123&store=demo-market-london',
  symbology: ']Q1',
  reports: [
    hex('02385d513168747470733a2f2f74696c6c706f696e742e6578616d706c652f726563656970742f30313933613766322d366331652d376434622d396132730001'),
    hex('02385d5131662d3362386535633164376636303f7465726d696e616c3d543031267365713d3030303132332673746f72653d64656d6f2d6d61726b6574730001'),
    hex('02075d51312d6c6f6e646f6e00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000730000'),
  ],
};

/** A report with another ID (a trigger/status report some scanners send): not barcode data. */
export const NON_SCAN_REPORT: Uint8Array = hex('0401' + '00'.repeat(62));

export const HID_POS_FIXTURES: readonly HidPosFixture[] = [EAN13_ONE_REPORT, GS1_128_TWO_REPORTS, QR_THREE_REPORTS];
