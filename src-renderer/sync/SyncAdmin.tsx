import { useApp } from '../app/app-context';
import { EnrollForm } from './EnrollForm';
import { SyncStatusPanel } from './SyncStatusPanel';
import { useSyncStatus } from './use-sync-status';

/** Admin → Sync: the status panel, and the enrollment form (to connect, or to move this till to another store). */
export function SyncAdmin() {
  const { t } = useApp();
  const [status, setStatus] = useSyncStatus();
  if (!status) return <p>{t('common.loading')}</p>;
  return (
    <div className="admin-columns">
      <SyncStatusPanel status={status} onStatus={setStatus} />
      <EnrollForm onEnrolled={setStatus} />
    </div>
  );
}
