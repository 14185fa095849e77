import type BetterSqlite3 from 'better-sqlite3';
import { DomainError } from '../../../src-shared/contract';

export interface StoreCreditRedemption {
  /** The credit note or account the customer presented (the payment's `reference`). */
  reference: string;
  amountMinor: number;
  saleId: string;
  receiptNo: string;
  at: string;
}

/**
 * The store-credit ledger, as the sale sees it. `redeem` runs INSIDE the sale's transaction, on
 * the synchronous handle: it writes its ledger entry there, so the sale and the redemption commit
 * or roll back together; it throws a `DomainError` to refuse (unknown note, not enough credit), and
 * the whole sale is refused with it. The "People, cash and control" work plugs the real ledger.
 */
export interface StoreCreditLedger {
  redeem(db: BetterSqlite3.Database, redemption: StoreCreditRedemption): void;
}

/** Until a ledger is plugged in: store credit is refused with a message the cashier can act on. */
export const noStoreCredit: StoreCreditLedger = {
  redeem() {
    throw new DomainError('TENDER_REFUSED', 'Store credit cannot be taken on this till yet: take another tender.');
  },
};
