import type { ErrorCode } from '../../src-shared/contract/index';
import { errorMessageKey, type MessageKey, type MessageParams } from '../../src-shared/i18n/index';
import { CallError } from '../transport/client';

/** A refusal as a screen shows it: the translated message, and the core's English words as detail. */
export interface ShownError {
  readonly code: ErrorCode;
  readonly message: string;
  readonly detail: string;
}

/**
 * What to show for a failed call (or any thrown value). The core's message is kept as small print
 * because it names the specifics (which line, how much is left); the translated one says what to do.
 */
export function shownError(error: unknown, t: (key: MessageKey, params?: MessageParams) => string): ShownError {
  if (error instanceof CallError) return { code: error.code, message: t(errorMessageKey(error.code)), detail: error.message };
  return { code: 'INTERNAL', message: t('error.INTERNAL'), detail: error instanceof Error ? error.message : String(error) };
}
