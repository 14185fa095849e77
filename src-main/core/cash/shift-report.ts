import type { CashCount } from '../../../src-shared/cash/denominations';
import type { ShiftClose, ShiftTotals } from '../../../src-shared/cash/shift-close';
import type { CashMovement, ShiftReport } from '../../../src-shared/domain/shift';
import type { StoreInfo } from '../../../src-shared/domain/store';
import { createMoneyFormatter } from '../../../src-shared/i18n/money-format';
import { minor } from '../../../src-shared/money';
import { escapeText } from '../receipt/receipt-document';

export interface ReportInput {
  id: string;
  kind: 'X' | 'Z';
  number: number;
  createdAt: string;
  storeName: string;
  terminalCode: string;
  currency: string;
  shift: { id: string; openedAt: string };
  names: { openedBy: string | null; closedBy: string | null; approvedBy: string | null };
  totals: ShiftTotals;
  returnsCount: number;
  voidsCount: number;
  movements: CashMovement[];
  close: { result: ShiftClose; cashCount: CashCount; thresholdMinor: number } | null;
}

/** The report as data: the same object goes to the screen, the printer and the `shift.closed` fact. */
export function buildShiftReport(input: ReportInput): ShiftReport {
  const { totals } = input;
  return {
    id: input.id, kind: input.kind, number: input.number, createdAt: input.createdAt, storeName: input.storeName,
    terminalCode: input.terminalCode, currency: input.currency, shiftId: input.shift.id, openedAt: input.shift.openedAt,
    openedBy: input.names.openedBy, closedBy: input.names.closedBy, approvedBy: input.names.approvedBy,
    salesCount: totals.salesCount, salesTotalMinor: minor(totals.salesTotalMinor), returnsCount: input.returnsCount, voidsCount: input.voidsCount,
    cash: {
      floatMinor: minor(totals.cash.floatMinor), cashSalesMinor: minor(totals.cash.cashSalesMinor), cashRefundsMinor: minor(totals.cash.cashRefundsMinor),
      payInsMinor: minor(totals.cash.payInsMinor), payOutsMinor: minor(totals.cash.payOutsMinor), dropsMinor: minor(totals.cash.dropsMinor),
      expectedMinor: minor(totals.cash.expectedMinor),
    },
    tenders: totals.tenders.map((t) => ({ tender: t.tender, salesMinor: minor(t.salesMinor), refundsMinor: minor(t.refundsMinor), expectedMinor: minor(t.expectedMinor) })),
    movements: input.movements,
    close: input.close && {
      lines: input.close.result.lines.map((l) => ({ tender: l.tender, expectedMinor: minor(l.expectedMinor), countedMinor: minor(l.countedMinor), varianceMinor: minor(l.varianceMinor) })),
      cashCount: input.close.cashCount,
      maxAbsVarianceMinor: minor(input.close.result.maxAbsVarianceMinor),
      thresholdMinor: minor(input.close.thresholdMinor),
    },
  };
}

/** The report as a receiptline document for the receipt printer (the same grammar as receipts). */
export function reportDocument(report: ShiftReport, store: StoreInfo, width = 42): string {
  const format = createMoneyFormatter(store);
  const money = (value: number) => escapeText(format(value));
  const row = (left: string, right: string) => `${left} | ${right}`;
  const out = [
    `^^^${escapeText(report.storeName)}`,
    `^^"${report.kind} REPORT ${report.number}`,
    row(`Till ${escapeText(report.terminalCode)}`, escapeText(report.createdAt.slice(0, 16).replace('T', ' '))),
    `|Shift opened ${escapeText(report.openedAt.slice(0, 16).replace('T', ' '))}${report.openedBy ? ` by ${escapeText(report.openedBy)}` : ''}`,
    '---',
    `{width:*,${Math.min(14, Math.max(10, Math.floor(width / 3)))}}`,
    row(`Sales (${report.salesCount})`, money(report.salesTotalMinor)),
    row('Returns', String(report.returnsCount)),
    row('Voids', String(report.voidsCount)),
    '---',
    row('Float', money(report.cash.floatMinor)),
    row('Cash sales', money(report.cash.cashSalesMinor)),
    row('Cash refunds', money(-report.cash.cashRefundsMinor)),
    row('Pay-ins', money(report.cash.payInsMinor)),
    row('Pay-outs', money(-report.cash.payOutsMinor)),
    row('Drops', money(-report.cash.dropsMinor)),
    row('"Cash expected', `"${money(report.cash.expectedMinor)}`),
    '---',
    ...report.tenders.filter((t) => t.tender !== 'cash').map((t) => row(escapeText(t.tender), money(t.expectedMinor))),
  ];
  if (report.close) {
    out.push('---', '"Counted', ...report.close.lines.flatMap((l) => [
      row(escapeText(l.tender), money(l.countedMinor)),
      row('  variance', money(l.varianceMinor)),
    ]));
    if (report.closedBy) out.push(`|Closed by ${escapeText(report.closedBy)}`);
    if (report.approvedBy) out.push(`|Variance approved by ${escapeText(report.approvedBy)}`);
  }
  out.push('');
  return out.join('\n');
}
