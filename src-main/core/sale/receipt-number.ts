/**
 * `T01-2-000123`: terminal code, install epoch, sequence. The epoch changes when a terminal is
 * reinstalled or restored from a backup, so an old copy can never reissue a number it already
 * used; the sequence is allocated inside the sale's transaction, so it is gap-free (a rolled-back
 * sale gives its number back).
 */
export const formatReceiptNo = (terminalCode: string, installEpoch: number, seq: number): string =>
  `${terminalCode}-${installEpoch}-${String(seq).padStart(6, '0')}`;
