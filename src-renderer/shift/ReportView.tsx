import { useState } from 'react';
import type { ShiftReport } from '../../src-shared/domain/shift';
import { en, type MessageKey } from '../../src-shared/i18n/index';
import { useApp } from '../app/app-context';
import { shownError } from '../app/call-error';
import './shift.css';

/** A tender's name in the UI language; an unknown tender (from the centre) shows as stored. */
export function tenderName(tender: string, t: (key: MessageKey) => string): string {
  const key = `report.tenderName.${tender}`;
  return Object.hasOwn(en, key) ? t(key as MessageKey) : tender;
}

/**
 * An X or Z report on screen, from the same data the printer gets: sales, returns, the cash
 * expected in the drawer and how it comes about, per tender; for a Z the count per tender with
 * expected, counted and the variance (shown only now, after the blind count), and who approved it.
 */
export function ReportView({ report, onClose }: { report: ShiftReport; onClose(): void }) {
  const { client, t, money, dateTime } = useApp();
  const [printNote, setPrintNote] = useState<string | null>(null);
  const print = async () => {
    try {
      const { queued } = await client.call('reports.print', { reportId: report.id });
      setPrintNote(t(queued ? 'report.printed' : 'report.noPrinter'));
    } catch (failure) {
      setPrintNote(shownError(failure, t).message);
    }
  };
  const cash = report.cash;
  // Money going out shows negative; a zero stays "£0.00", never "-£0.00".
  const out = (minor: number) => (minor === 0 ? 0 : -minor);
  const row = (key: MessageKey, minor: number, testId?: string) => (
    <tr>
      <th scope="row">{t(key)}</th>
      <td className="amount" data-testid={testId}>{money(minor)}</td>
    </tr>
  );

  return (
    <section className="report" data-testid="report" data-kind={report.kind} aria-labelledby="report-title">
      <h2 id="report-title" data-testid="report-title">
        {t(report.kind === 'Z' ? 'report.z' : 'report.x', { number: report.number })}
      </h2>
      <p className="muted">
        {report.storeName} · {t('header.terminal', { code: report.terminalCode })} · {dateTime(new Date(report.createdAt))}
      </p>
      <p>{t('report.openedAt', { time: dateTime(new Date(report.openedAt)), name: report.openedBy ?? '—' })}</p>
      <table className="report-table">
        <tbody>
          <tr><th scope="row">{t('report.sales')}</th><td className="amount" data-testid="report-sales">{report.salesCount} · {money(report.salesTotalMinor)}</td></tr>
          <tr><th scope="row">{t('report.returns')}</th><td className="amount">{report.returnsCount}</td></tr>
          <tr><th scope="row">{t('report.voids')}</th><td className="amount">{report.voidsCount}</td></tr>
          {row('report.float', cash.floatMinor)}
          {row('report.cashSales', cash.cashSalesMinor)}
          {row('report.cashRefunds', out(cash.cashRefundsMinor))}
          {row('report.payIns', cash.payInsMinor)}
          {row('report.payOuts', out(cash.payOutsMinor))}
          {row('report.drops', out(cash.dropsMinor))}
          {row('report.expectedCash', cash.expectedMinor, 'report-expected-cash')}
        </tbody>
      </table>
      {report.close && (
        <table className="report-table report-close" data-testid="report-close">
          <thead>
            <tr><th scope="col">{t('report.tender')}</th><th scope="col">{t('report.expected')}</th><th scope="col">{t('report.counted')}</th><th scope="col">{t('report.variance')}</th></tr>
          </thead>
          <tbody>
            {report.close.lines.map((line) => (
              <tr key={line.tender} data-testid="report-close-line" data-tender={line.tender}>
                <th scope="row">{tenderName(line.tender, t)}</th>
                <td className="amount">{money(line.expectedMinor)}</td>
                <td className="amount">{money(line.countedMinor)}</td>
                <td className={line.varianceMinor === 0 ? 'amount' : 'amount variance-off'} data-testid="report-variance">{money(line.varianceMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.closedBy && <p>{t('report.closedBy', { name: report.closedBy })}</p>}
      {report.approvedBy && <p data-testid="report-approved-by">{t('report.approvedBy', { name: report.approvedBy })}</p>}
      <div className="page-actions">
        {printNote && <p role="status" data-testid="report-print-note">{printNote}</p>}
        <button type="button" className="button" onClick={() => void print()} data-testid="report-print">
          {t('report.print')}
        </button>
        <button type="button" className="button button-primary" onClick={onClose} data-testid="report-close-button">
          {t('report.close')}
        </button>
      </div>
    </section>
  );
}
