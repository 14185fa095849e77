import type { HandlerSlice } from '../../../src-shared/contract';
import type { ShiftService } from './shift-service';

type CashMethods =
  | 'shift.current' | 'shift.open' | 'cash.payIn' | 'cash.payOut' | 'cash.drop' | 'shift.xReport' | 'shift.close'
  | 'reports.get' | 'reports.list' | 'reports.print';

export const cashHandlers = (shifts: ShiftService): HandlerSlice<CashMethods> => ({
  'shift.current': () => shifts.current(),
  'shift.open': ({ floatCount }) => shifts.open(floatCount),
  'cash.payIn': (input) => shifts.move('payIn', input),
  'cash.payOut': (input) => shifts.move('payOut', input),
  'cash.drop': (input) => shifts.move('drop', input),
  'shift.xReport': () => shifts.xReport(),
  'shift.close': ({ cash, otherTenders }) => shifts.close({ cash, otherTenders }),
  'reports.get': ({ reportId }) => shifts.getReport(reportId),
  'reports.list': ({ limit }) => shifts.listReports(limit),
  'reports.print': ({ reportId }) => shifts.printReport(reportId),
});
