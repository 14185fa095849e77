import { useState } from 'react';
import type { SyncStatus } from '../../src-shared/contract/sync-contract';
import { useApp } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';

/**
 * Enrollment (issue 6): the server address, the one-time code from the central office and a name
 * for this till → `sync.enroll`. The core refuses with `ENROLL_REFUSED` (wrong or used code),
 * `SERVER_UNREACHABLE` or `UNSYNCED_SALES` (this till's sales must reach their own store first);
 * each shows its own message. Obvious typos are caught here first.
 */
export function EnrollForm({ onEnrolled }: { onEnrolled(status: SyncStatus): void }) {
  const { client, info, t } = useApp();
  const [serverUrl, setServerUrl] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState(info.terminal.name);
  const [error, setError] = useState<ShownError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (busy) return;
    const local = (message: string) => setError({ code: 'INVALID_INPUT', message, detail: '' });
    if (!/^https?:\/\/\S+$/i.test(serverUrl.trim())) return local(t('sync.invalidUrl'));
    if (!/^[A-Za-z0-9 -]{6,64}$/.test(code.trim())) return local(t('sync.invalidCode'));
    if (name.trim() === '') return local(t('sync.invalidName'));
    setBusy(true);
    setError(null);
    try {
      const status = await client.call('sync.enroll', { serverUrl: serverUrl.trim(), code: code.trim(), terminalName: name.trim() });
      setDone(t('sync.enrolled', { url: status.serverUrl ?? serverUrl.trim() }));
      onEnrolled(status);
    } catch (failure) {
      setError(shownError(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="page-card" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }} data-testid="enroll-form">
      <h2>{t('sync.enrollTitle')}</h2>
      <p className="muted">{t('sync.enrollHint')}</p>
      <label className="field-label" htmlFor="enroll-url">{t('sync.serverUrl')}</label>
      <input id="enroll-url" className="text-field text-field-small" type="url" autoComplete="off" placeholder="https://sync.example.com/" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} data-testid="enroll-url" />
      <label className="field-label" htmlFor="enroll-code">{t('sync.code')}</label>
      <input id="enroll-code" className="text-field text-field-small" autoComplete="off" value={code} onChange={(e) => setCode(e.target.value)} data-testid="enroll-code" />
      <label className="field-label" htmlFor="enroll-name">{t('sync.terminalName')}</label>
      <input id="enroll-name" className="text-field text-field-small" autoComplete="off" maxLength={60} value={name} onChange={(e) => setName(e.target.value)} data-testid="enroll-name" />
      <ErrorNote error={error} testId="enroll-error" />
      {done && <p role="status" className="notice" data-testid="enroll-done">{done}</p>}
      <div className="page-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="enroll-submit">{busy ? t('common.saving') : t('sync.enroll')}</button>
      </div>
    </form>
  );
}
