import type { DeviceConfig } from '../../../src-shared/contract/printing-contract';
import { escapeProperty, escapeText } from '../receipt/receipt-document';
import type { TerminalIdentity } from '../settings/terminal-identity';

/**
 * A test page as a receiptline document: the line width (a ruler of exactly `widthChars`), the
 * character set (accents and currency signs through the device's code page) and a QR code, so a
 * wrong width, code page or a printer without raster support shows at a glance.
 */
export function testPageDocument(device: DeviceConfig, identity: TerminalIdentity, at: Date): string {
  const ruler = Array.from({ length: device.widthChars }, (_, i) => String((i + 1) % 10)).join('');
  return [
    '^^^Test page',
    escapeText(identity.store.name),
    `|${escapeText(device.name)}`,
    `|${escapeText(`${device.transport} ${device.address}`)}`,
    `|${escapeText(`${device.widthChars} characters per line, code page ${device.codePage}`)}`,
    `|${escapeText(at.toISOString())}`,
    '---',
    `|${ruler}`,
    '|£ € ¥ é è à ç ü ö ñ ß Å Ø',
    '---',
    `{code:${escapeProperty(`tillpoint-test:${device.id}`)}; option:qrcode,4,m}`,
    '',
  ].join('\n');
}
