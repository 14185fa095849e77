import { useCallback, useEffect, useState } from 'react';
import type { PrintJob, PrinterStatus as Status } from '../../src-shared/contract/printing-contract';
import { useApp } from '../app/app-context';
import './printer-status.css';

const STATUS_REFRESH_MS = 5_000;

/**
 * The receipt printer's state in the header: ready, out of paper, cover open, offline,
 * unreachable; how many receipts wait; and the jobs that did not print, each with "Print again".
 * Pushed by `printer.statusChanged` / `printer.jobChanged`: nothing here waits for a printer.
 */
export function PrinterStatus() {
  const { client, t } = useApp();
  const [statuses, setStatuses] = useState<Status[]>([]);
  const [failed, setFailed] = useState<PrintJob[]>([]);
  const [open, setOpen] = useState(false);

  const refreshJobs = useCallback(() => {
    client.call('printer.jobs', { limit: 1 }).then((jobs) => setFailed(jobs.failed), () => {});
  }, [client]);

  useEffect(() => {
    let live = true;
    const refreshStatus = () => void client.call('printer.status', {}).then((list) => live && setStatuses(list), () => {});
    refreshStatus();
    refreshJobs();
    // Events sent before the event stream (re)connected are lost; the status is cheap (kept in
    // memory by main), so it is also read again every few seconds.
    const timer = window.setInterval(refreshStatus, STATUS_REFRESH_MS);
    const stopStatus = client.on('printer.statusChanged', (status) => {
      setStatuses((list) => (list.some((s) => s.deviceId === status.deviceId) ? list.map((s) => (s.deviceId === status.deviceId ? status : s)) : [...list, status]));
    });
    const stopJobs = client.on('printer.jobChanged', (job) => {
      if (job.state === 'failed' || job.state === 'queued' || job.state === 'done') refreshJobs();
    });
    return () => {
      live = false;
      window.clearInterval(timer);
      stopStatus();
      stopJobs();
    };
  }, [client, refreshJobs]);

  const printer = statuses[0];
  if (!printer) return null;
  const problem = printer.state !== 'ready';

  return (
    <div className="printer-status" data-testid="printer-status" data-state={printer.state}>
      <span className={problem ? 'printer-state printer-state-problem' : 'printer-state'} role={problem ? 'alert' : 'status'} title={printer.detail ?? undefined}>
        {t(`printer.state.${printer.state}`)}
      </span>
      {printer.pendingJobs > 0 && (
        <span className="printer-pending" data-testid="printer-pending">
          {t('printer.pending', { count: printer.pendingJobs })}
        </span>
      )}
      {failed.length > 0 && (
        <button type="button" className="button button-quiet" data-testid="printer-failed" onClick={() => setOpen((v) => !v)}>
          {t('printer.failed', { count: failed.length })}
        </button>
      )}
      {open && failed.length > 0 && (
        <ul className="printer-failed-list" data-testid="printer-failed-list">
          {failed.map((job) => (
            <li key={job.id} data-testid="printer-failed-job" data-job-id={job.id}>
              <span>{job.receiptNo ?? job.kind}</span> <small>{job.lastError}</small>{' '}
              <button type="button" className="button" onClick={() => void client.call('printer.retry', { jobId: job.id }).then(refreshJobs, () => {})} data-testid="printer-retry">
                {t('printer.retry')}
              </button>
              {job.saleId && (
                <button type="button" className="button button-quiet" onClick={() => void client.call('printer.reprint', { saleId: job.saleId! }).then(refreshJobs, () => {})} data-testid="printer-reprint">
                  {t('printer.reprint')}
                </button>
              )}
            </li>
          ))}
          <li>
            <button type="button" className="button button-quiet" onClick={() => setOpen(false)}>
              {t('printer.close')}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
