import { useState } from 'react';
import type { SyncStatus } from '../../src-shared/contract/sync-contract';
import { useApp } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';

/** Age of the oldest pending fact in words a manager reads at a glance ("3 min", "2 h 5 min", "4 d"). */
export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `${Math.max(0, Math.floor(ms / 1000))} s`;
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d`;
}

/** Everything the till knows about sync (issue 6): connection, pending facts and their age, last sync and error, clock, catalog completeness. */
export function SyncStatusPanel({ status, onStatus }: { status: SyncStatus; onStatus(status: SyncStatus): void }) {
  const { client, t, dateTime } = useApp();
  const [error, setError] = useState<ShownError | null>(null);
  const row = (label: string, value: string, testId: string) => (
    <tr>
      <th scope="row">{label}</th>
      <td data-testid={testId}>{value}</td>
    </tr>
  );
  const connection = status.revoked ? t('sync.revoked') : status.online ? t('sync.online') : t('sync.offline');
  const syncNow = async () => {
    setError(null);
    try {
      onStatus(await client.call('sync.now', {}));
    } catch (failure) {
      setError(shownError(failure, t));
    }
  };

  return (
    <section className="page-card" data-testid="sync-status-panel">
      <h2>{t('sync.title')}</h2>
      {status.clockWarning && <p className="warning" role="alert" data-testid="sync-clock-warning">{t('sync.clockWarning', { minutes: Math.round(Math.abs(status.clockOffsetMs ?? 0) / 60_000) })}</p>}
      {status.cloneSuspected && <p className="warning" role="alert">{t('sync.clone')}</p>}
      <table className="report-table">
        <tbody>
          {row(t('sync.server'), status.serverUrl ?? '—', 'sync-server')}
          {row(t('sync.status'), connection, 'sync-connection')}
          {row(t('sync.pendingCount'), String(status.pendingCount), 'sync-pending-count')}
          {row(t('sync.oldest'), status.oldestPendingAgeMs === null ? '—' : formatAge(status.oldestPendingAgeMs), 'sync-oldest')}
          {row(t('sync.lastSync'), status.lastSyncAt ? dateTime(new Date(status.lastSyncAt)) : t('sync.never'), 'sync-last')}
          {row(t('sync.lastError'), status.lastError ?? '—', 'sync-last-error')}
          {row(t('sync.quarantined'), String(status.quarantinedCount), 'sync-quarantined')}
        </tbody>
      </table>
      <h3>{t('sync.catalog')}</h3>
      <ul className="plain-list" data-testid="sync-streams">
        {status.catalogCompleteness.map((s) => (
          <li key={s.stream}>{t('sync.stream', { stream: s.stream, pulled: s.pulled, state: t(s.complete ? 'sync.complete' : 'sync.incomplete') })}</li>
        ))}
      </ul>
      <ErrorNote error={error} testId="sync-error" />
      {status.enrolled && (
        <div className="page-actions">
          <button type="button" className="button" onClick={() => void syncNow()} data-testid="sync-now">{t('sync.now')}</button>
        </div>
      )}
    </section>
  );
}
