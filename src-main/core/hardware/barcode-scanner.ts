/**
 * The barcode scanner port. Adapters in src-main/hardware/scanner read HID-POS scanners
 * (node-hid), serial scanners (serialport) and the loopback TCP scanner of `npm run sim`; core's
 * ScannerHub normalises what they read and puts it in the cart. Keyboard-wedge scanners do not
 * come through here: they type into the renderer, which detects them (src-renderer/scanner).
 */

/** How a scanner is connected. */
export type ScannerKind = 'hid-pos' | 'serial' | 'tcp';

/**
 * `connecting`: looking for the device or opening it; `connected`: reading; `disconnected`:
 * lost (unplugged, port gone) and retrying with backoff; `stopped`: closed on purpose.
 */
export type ScannerStatus = 'connecting' | 'connected' | 'disconnected' | 'stopped';

/** One decoded barcode as the device delivered it, before normalisation. */
export interface ScannedCode {
  /** The data, with the transport's framing (serial prefix/suffix, HID report bytes) removed. */
  code: string;
  /** The AIM symbology identifier (`]E0` …) when the transport reports it beside the data. */
  symbology: string | null;
  /** The id of the scanner that read it. */
  source: string;
}

export interface ScannerStatusChange {
  status: ScannerStatus;
  /** Why, for people (the device path, the error that disconnected it). */
  detail: string | null;
}

export interface BarcodeScanner {
  /** Stable id from the configuration (`hid`, `serial:/dev/ttyACM0`, `tcp://127.0.0.1:9101`). */
  readonly id: string;
  readonly kind: ScannerKind;
  /** What the device is, for the settings screen. */
  describe(): string;
  status(): ScannerStatusChange;
  onScan(listener: (scan: ScannedCode) => void): () => void;
  onStatus(listener: (change: ScannerStatusChange) => void): () => void;
  /** Starts looking for the device and keeps reconnecting until `stop`. Never throws for a missing device. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A device that discovery found and that could be configured as a scanner. */
export interface DiscoveredScanner {
  kind: ScannerKind;
  /** What to put in the configuration (`hid:<path>`, `serial:<path>`). */
  spec: string;
  description: string;
}
