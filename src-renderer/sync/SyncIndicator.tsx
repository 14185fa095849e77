import { useApp } from '../app/app-context';
import { useSyncStatus } from './use-sync-status';
import './sync.css';

/**
 * The header's sync state: a dot (green online, grey offline, red refused) with a word, and how
 * many facts wait to go up. Nothing while the status is unknown. Test id `sync-indicator`
 * (`data-state`: notEnrolled | online | offline | revoked).
 */
export function SyncIndicator() {
  const { t } = useApp();
  const [status] = useSyncStatus();
  if (!status) return null;
  const state = !status.enrolled ? 'notEnrolled' : status.revoked ? 'revoked' : status.online ? 'online' : 'offline';
  const label = { notEnrolled: t('sync.notEnrolled'), revoked: t('sync.revoked'), online: t('sync.online'), offline: t('sync.offline') }[state];
  return (
    <span className={`sync-indicator sync-${state}`} role="status" title={label} data-testid="sync-indicator" data-state={state}>
      <span className="sync-dot" aria-hidden="true" />
      <span className="sync-label">{label}</span>
      {status.pendingCount > 0 && (
        <span className="sync-pending" data-testid="sync-pending">
          {t('sync.pending', { count: status.pendingCount })}
        </span>
      )}
      {status.clockWarning && <span className="sync-clock" aria-label={t('sync.clockWarning', { minutes: Math.round(Math.abs(status.clockOffsetMs ?? 0) / 60_000) })}>⏱</span>}
    </span>
  );
}
