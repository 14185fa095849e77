import { useCallback, useEffect, useState } from 'react';
import type { AuditEntry, AuditVerification } from '../../src-shared/domain/audit';
import type { ReportSummary, ShiftReport } from '../../src-shared/domain/shift';
import { useApp } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { ReportView } from '../shift/ReportView';

/** Admin → Reports: this terminal's X and Z reports (open one on screen, print it), the latest audit entries and a chain check. */
export function ReportsAdmin() {
  const { client, t, dateTime } = useApp();
  const [reports, setReports] = useState<ReportSummary[]>([]);
  const [audit, setAudit] = useState<AuditEntry[]>([]);
  const [open, setOpen] = useState<ShiftReport | null>(null);
  const [verification, setVerification] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const fail = useCallback((failure: unknown) => setError(shownError(failure, t)), [t]);

  useEffect(() => {
    client.call('reports.list', {}).then(setReports, fail);
    client.call('audit.list', { limit: 30 }).then(setAudit, fail);
  }, [client, fail]);

  if (open) return <section className="page-card"><ReportView report={open} onClose={() => setOpen(null)} /></section>;
  const verify = () => client.call('audit.verify', {}).then(setVerification, fail);
  const broken = verification && (verification.audit.firstBroken ?? verification.sales.firstBroken);

  return (
    <div className="admin-columns">
      <section className="page-card" data-testid="reports-admin">
        <h2>{t('reports.title')}</h2>
        <ErrorNote error={error} />
        {reports.length === 0 && <p className="muted">{t('reports.empty')}</p>}
        <ul className="plain-list">
          {reports.map((r) => (
            <li key={r.id} className="report-item" data-testid="report-item">
              <span>{t(r.kind === 'Z' ? 'report.z' : 'report.x', { number: r.number })} · {dateTime(new Date(r.createdAt))}</span>
              <button type="button" className="button" onClick={() => client.call('reports.get', { reportId: r.id }).then(setOpen, fail)} data-testid="report-open">{t('reports.open')}</button>
            </li>
          ))}
        </ul>
      </section>
      <section className="page-card" data-testid="audit-admin">
        <h2>{t('reports.audit')}</h2>
        <button type="button" className="button" onClick={() => void verify()} data-testid="audit-verify">{t('reports.verify')}</button>
        {verification && (
          <p role="status" className={verification.ok ? 'notice' : 'warning'} data-testid="audit-verify-result">
            {broken ? t('reports.verifyBroken', { at: broken.at, reason: broken.reason }) : t('reports.verifyOk', { audit: verification.audit.checked, sales: verification.sales.checked })}
          </p>
        )}
        <table className="admin-table audit-table">
          <tbody>
            {audit.map((entry) => (
              <tr key={entry.id}><td>{entry.seq}</td><td>{dateTime(new Date(entry.at))}</td><td>{entry.action}</td></tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
