import { useState } from 'react';
import { formatMajorPlain, parseMajorAmount } from '../../src-shared/i18n/index';
import { useApp } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { effectivePermissions, useSession } from '../app/session-context';
import { MoneyInput } from '../components/MoneyInput';

/** Admin → Settings: sign-in and shift rules, idle lock time, the cash variance that needs a manager (`control.updateSettings`, audited). */
export function SettingsAdmin() {
  const { client, info, t } = useApp();
  const session = useSession();
  const mayChange = (effectivePermissions(session.session) ?? []).includes('settings');
  const current = session.settings;
  const [requireSignIn, setRequireSignIn] = useState(current.requireSignIn);
  const [requireShift, setRequireShift] = useState(current.requireShift);
  const [idle, setIdle] = useState(String(current.idleLockSeconds));
  const [variance, setVariance] = useState(formatMajorPlain(current.varianceThresholdMinor, info.store));
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  const save = async () => {
    setNotice(null);
    const idleLockSeconds = Number(idle);
    const threshold = parseMajorAmount(variance, info.store.locale, info.store.currencyDigits);
    if (!Number.isInteger(idleLockSeconds) || idleLockSeconds < 15 || idleLockSeconds > 3600 || !threshold.ok) {
      return setError({ code: 'INVALID_INPUT', message: t('settings.invalid'), detail: '' });
    }
    try {
      await client.call('control.updateSettings', { requireSignIn, requireShift, idleLockSeconds, varianceThresholdMinor: threshold.minor });
      setError(null);
      setNotice(t('settings.saved'));
      await session.refresh();
    } catch (failure) {
      setError(shownError(failure, t));
    }
  };

  return (
    <form className="page-card settings-form" onSubmit={(e) => { e.preventDefault(); void save(); }} data-testid="settings-admin">
      <h2>{t('admin.tab.settings')}</h2>
      {!mayChange && <p className="muted" role="note">{t('admin.noPermission')}</p>}
      <fieldset disabled={!mayChange} className="plain-fieldset">
        <label className="choice">
          <input type="checkbox" checked={requireSignIn} onChange={(e) => setRequireSignIn(e.target.checked)} data-testid="settings-require-sign-in" />
          {t('settings.requireSignIn')}
        </label>
        <label className="choice">
          <input type="checkbox" checked={requireShift} onChange={(e) => setRequireShift(e.target.checked)} data-testid="settings-require-shift" />
          {t('settings.requireShift')}
        </label>
        <label className="field-label" htmlFor="settings-idle">{t('settings.idleLockSeconds')}</label>
        <input id="settings-idle" className="text-field text-field-small" inputMode="numeric" value={idle} onChange={(e) => setIdle(e.target.value.replace(/\D/g, ''))} data-testid="settings-idle" />
        <MoneyInput id="settings-variance" label={t('settings.varianceThreshold')} value={variance} onChange={setVariance} testId="settings-variance" />
      </fieldset>
      {notice && <p role="status" className="notice" data-testid="settings-saved">{notice}</p>}
      <ErrorNote error={error} />
      <div className="page-actions">
        <button type="submit" className="button button-primary" disabled={!mayChange} data-testid="settings-save">{t('settings.save')}</button>
      </div>
    </form>
  );
}
