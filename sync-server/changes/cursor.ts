import { ApiError } from '../http/errors';

/**
 * Pull cursors are opaque to terminals: base64url of `{"v":1,"p":<position>}`. The version lets a
 * later server change the shape (e.g. compaction epochs) and still recognise old cursors.
 */
export function encodeCursor(position: number): string {
  return Buffer.from(JSON.stringify({ v: 1, p: position })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'v' in parsed && 'p' in parsed && parsed.v === 1
      && typeof parsed.p === 'number' && Number.isSafeInteger(parsed.p) && parsed.p >= 0) {
      return parsed.p;
    }
  } catch {
    // fall through to the error below
  }
  throw new ApiError('INVALID_REQUEST', 'cursor is not one this server issued; pull again without a cursor');
}
