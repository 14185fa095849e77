import { randomBytes } from 'node:crypto';
import { DomainError } from '../../../src-shared/contract';
import type { StoreCreditLedger } from '../checkout/store-credit';
import type { LocalStore } from '../db/local-store';
import type { IdGenerator } from '../deps';

/** Crockford's base32 without I, L, O, U: readable aloud and on paper. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function newCode(): string {
  const chars = [...randomBytes(10)].map((b) => ALPHABET[b % 32]).join('');
  return `SC-${chars.slice(0, 5)}-${chars.slice(5, 10)}`;
}

export interface LocalStoreCreditLedger extends StoreCreditLedger {
  /** Issues a new credit note; call inside the transaction that records why (a return). */
  issue(entry: { amountMinor: number; currency: string; refType: string; refId: string; at: string }): { creditId: string; code: string; balanceMinor: number };
  balance(code: string): { creditId: string; balanceMinor: number } | undefined;
}

/**
 * Store credit as a local ledger: a credit note (`store_credit`, whose code is printed for the
 * customer) and its entries (`store_credit_entry`); the balance is the sum of the entries, never
 * a stored counter. Returns issue credit; the sale redeems it as the `storeCredit` tender through
 * the checkout's `StoreCreditLedger` port (core/checkout/store-credit.ts), inside the sale's
 * synchronous transaction — so everything here is synchronous on the store's one connection.
 */
export function createStoreCreditLedger(local: LocalStore, ids: IdGenerator): LocalStoreCreditLedger {
  const st = (text: string) => local.statement(text);

  function balance(code: string) {
    const credit = st('SELECT id FROM store_credit WHERE code = ?').get(code) as { id: string } | undefined;
    if (!credit) return undefined;
    const { total } = st('SELECT coalesce(sum(delta_minor), 0) AS total FROM store_credit_entry WHERE credit_id = ?').get(credit.id) as { total: number };
    return { creditId: credit.id, balanceMinor: total };
  }

  return {
    issue(entry) {
      const creditId = ids.next();
      const code = newCode();
      st('INSERT INTO store_credit (id, code, currency, created_at) VALUES (?, ?, ?, ?)').run(creditId, code, entry.currency, entry.at);
      st('INSERT INTO store_credit_entry (id, credit_id, delta_minor, ref_type, ref_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(ids.next(), creditId, entry.amountMinor, entry.refType, entry.refId, entry.at);
      return { creditId, code, balanceMinor: entry.amountMinor };
    },

    redeem(_db, redemption) {
      const current = balance(redemption.reference.trim().toUpperCase());
      if (!current) throw new DomainError('TENDER_REFUSED', `No store credit note ${redemption.reference} on this till: check the code on the credit note.`);
      if (current.balanceMinor < redemption.amountMinor) {
        throw new DomainError('TENDER_REFUSED', `Store credit ${redemption.reference} holds ${current.balanceMinor} (minor units), less than ${redemption.amountMinor}: take the rest with another tender.`);
      }
      st('INSERT INTO store_credit_entry (id, credit_id, delta_minor, ref_type, ref_id, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(ids.next(), current.creditId, -redemption.amountMinor, 'sale', redemption.saleId, redemption.at);
    },

    balance,
  };
}
