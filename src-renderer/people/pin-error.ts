import type { AppContextValue } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { CallError } from '../transport/client';

/**
 * The refusal of a PIN check in words a cashier acts on: how many tries are left before the
 * five-minute lock, or until when the person is locked (store time), instead of a bare "wrong PIN".
 */
export function pinError(error: unknown, name: string, app: Pick<AppContextValue, 't' | 'plural' | 'time'>): ShownError {
  const shown = shownError(error, app.t);
  if (!(error instanceof CallError)) return shown;
  const left = error.details['attemptsLeft'];
  if (error.code === 'PIN_INCORRECT' && typeof left === 'number' && left > 0) {
    return { ...shown, message: app.plural('signIn.wrongPin', left), detail: '' };
  }
  const until = error.details['lockedUntil'];
  if (error.code === 'PERSON_LOCKED' && typeof until === 'string') {
    return { ...shown, message: app.t('signIn.lockedUntil', { name, time: app.time(new Date(until)) }), detail: '' };
  }
  return shown;
}
