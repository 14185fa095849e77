/**
 * The close of a shift as a pure computation over the shift's facts (LESSONS.md: "shift close
 * fails or books cash wrong" — Odoo #72720, #108694, NexoPOS #573). No clock, no database, no
 * network: the same facts give the same close online or offline, on the till or at the centre.
 *
 * Cash expected in the drawer = float + cash sales − cash refunds + pay-ins − pay-outs − drops,
 * where a sale's cash is what was tendered in cash minus the change given back (change always
 * leaves the drawer in cash, whatever the other tenders were).
 */

export interface TenderAmount {
  tender: string;
  amountMinor: number;
}

export interface ShiftFacts {
  floatMinor: number;
  sales: ReadonlyArray<{ payments: readonly TenderAmount[]; changeMinor: number }>;
  /** Money given back: refunds of returns and voided sales, per tender. */
  refunds: readonly TenderAmount[];
  movements: ReadonlyArray<{ kind: 'payIn' | 'payOut' | 'drop'; amountMinor: number }>;
}

export interface CashSummary {
  floatMinor: number;
  /** Cash tendered minus change given. */
  cashSalesMinor: number;
  cashRefundsMinor: number;
  payInsMinor: number;
  payOutsMinor: number;
  dropsMinor: number;
  expectedMinor: number;
}

export interface TenderSummary {
  tender: string;
  /** Net of change for cash. */
  salesMinor: number;
  refundsMinor: number;
  expectedMinor: number;
}

export interface ShiftTotals {
  cash: CashSummary;
  /** Cash first, then the other tenders by name. */
  tenders: TenderSummary[];
  salesCount: number;
  salesTotalMinor: number;
}

const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const value of values) total += value;
  return total;
};

export function shiftTotals(facts: ShiftFacts): ShiftTotals {
  const sales = new Map<string, number>([['cash', 0]]);
  const refunds = new Map<string, number>([['cash', 0]]);
  const add = (map: Map<string, number>, tender: string, amount: number) => map.set(tender, (map.get(tender) ?? 0) + amount);
  let salesTotalMinor = 0;
  for (const sale of facts.sales) {
    for (const payment of sale.payments) add(sales, payment.tender, payment.amountMinor);
    add(sales, 'cash', -sale.changeMinor);
    salesTotalMinor += sum(sale.payments.map((p) => p.amountMinor)) - sale.changeMinor;
  }
  for (const refund of facts.refunds) add(refunds, refund.tender, refund.amountMinor);
  const moved = (kind: 'payIn' | 'payOut' | 'drop') => sum(facts.movements.filter((m) => m.kind === kind).map((m) => m.amountMinor));

  const cashSalesMinor = sales.get('cash') ?? 0;
  const cashRefundsMinor = refunds.get('cash') ?? 0;
  const payInsMinor = moved('payIn');
  const payOutsMinor = moved('payOut');
  const dropsMinor = moved('drop');
  const cash: CashSummary = {
    floatMinor: facts.floatMinor, cashSalesMinor, cashRefundsMinor, payInsMinor, payOutsMinor, dropsMinor,
    expectedMinor: facts.floatMinor + cashSalesMinor - cashRefundsMinor + payInsMinor - payOutsMinor - dropsMinor,
  };
  const names = [...new Set([...sales.keys(), ...refunds.keys()])].filter((t) => t !== 'cash').sort();
  const tenders: TenderSummary[] = [
    { tender: 'cash', salesMinor: cashSalesMinor, refundsMinor: cashRefundsMinor, expectedMinor: cash.expectedMinor },
    ...names.map((tender) => {
      const salesMinor = sales.get(tender) ?? 0;
      const refundsMinor = refunds.get(tender) ?? 0;
      return { tender, salesMinor, refundsMinor, expectedMinor: salesMinor - refundsMinor };
    }),
  ];
  return { cash, tenders, salesCount: facts.sales.length, salesTotalMinor };
}

export interface CloseLine {
  tender: string;
  expectedMinor: number;
  countedMinor: number;
  /** Counted − expected: negative is a shortage, positive an overage. */
  varianceMinor: number;
}

export interface ShiftClose {
  totals: ShiftTotals;
  lines: CloseLine[];
  /** The largest absolute variance of any tender. */
  maxAbsVarianceMinor: number;
  /** True when some tender is off by more than the threshold: a manager must approve. */
  needsApproval: boolean;
}

/**
 * Compares a blind count with what the facts say. A tender that had activity but was not counted
 * counts as 0 (the money is missing until someone counts it); a counted tender with no activity
 * is an overage. `thresholdMinor` is inclusive: a variance equal to it needs no approval.
 */
export function closeShift(facts: ShiftFacts, counted: readonly TenderAmount[], thresholdMinor: number): ShiftClose {
  const totals = shiftTotals(facts);
  const countedBy = new Map<string, number>();
  for (const c of counted) countedBy.set(c.tender, (countedBy.get(c.tender) ?? 0) + c.amountMinor);
  const expectedBy = new Map(totals.tenders.map((t) => [t.tender, t.expectedMinor]));
  const tenders = [...totals.tenders.map((t) => t.tender), ...[...countedBy.keys()].filter((t) => !expectedBy.has(t)).sort()];
  const lines = tenders.map((tender) => {
    const expectedMinor = expectedBy.get(tender) ?? 0;
    const countedMinor = countedBy.get(tender) ?? 0;
    return { tender, expectedMinor, countedMinor, varianceMinor: countedMinor - expectedMinor };
  });
  const maxAbsVarianceMinor = Math.max(0, ...lines.map((l) => Math.abs(l.varianceMinor)));
  return { totals, lines, maxAbsVarianceMinor, needsApproval: maxAbsVarianceMinor > thresholdMinor };
}
