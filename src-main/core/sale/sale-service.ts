import { DomainError } from '../../../src-shared/contract';
import type { Sale, Tender } from '../../../src-shared/domain/sale';
import type { StoreSettings } from '../../../src-shared/domain/store-settings';
import { minor } from '../../../src-shared/money';
import { settle } from '../../../src-shared/pricing/settle';
import type { CartService } from '../cart/cart-service';
import { noStoreCredit, type StoreCreditLedger } from '../checkout/store-credit';
import type { LocalStore } from '../db/local-store';
import type { SaleSealer } from '../audit/sale-chain';
import type { Clock, IdGenerator, Logger } from '../deps';
import type { EventHub } from '../events';
import type { TerminalIdentity } from '../settings/terminal-identity';
import { formatReceiptNo } from './receipt-number';
import { SaleFact, writeSaleRows } from './sale-fact';
import type { SaleJournal } from './sale-journal';
import { readSaleSync } from './sale-reader';

export interface SaleServiceDeps {
  local: LocalStore;
  cart: CartService;
  clock: Clock;
  ids: IdGenerator;
  events: EventHub;
  identity: TerminalIdentity;
  settings: StoreSettings;
  /**
   * Runs after a sale committed (receipt, drawer kick). Must return at once: the sale never waits
   * for a printer, and nothing it does is part of the sale's transaction.
   */
  afterSale?: (sale: Sale) => void;
  /** Redeems store-credit payments inside the sale's transaction; refuses them when absent. */
  storeCredit?: StoreCreditLedger;
  /**
   * The "People, cash and control" work: `stamp` (shift and cashier) is taken at the commit and
   * kept in the sale's journal fact; `seal` runs in the transaction that writes the sale's rows
   * and chains the sale (audit/sale-chain.ts).
   */
  sealer?: SaleSealer;
  /** The sale journal (sale-journal.ts), opened on the data directory by `createCore`. */
  journal: SaleJournal;
  logger: Logger;
  /** Who is selling (their name is printed on the receipt); none until people sign in. */
  cashier?: () => { id: string; name: string } | null;
}

export interface PaymentInput {
  tender: Tender;
  amountMinor: number;
  /** Card approval code, mobile-money transaction id, store-credit note: required for those. */
  reference?: string;
}

const SQL = {
  already: 'SELECT id FROM sale WHERE cart_id = ?',
  saleExists: 'SELECT 1 FROM sale WHERE id = ?',
  counter: 'SELECT last_receipt_seq, install_epoch FROM terminal WHERE id = ?',
  applied: 'SELECT applied_seq FROM sale_journal_state WHERE id = 1',
  setApplied: 'UPDATE sale_journal_state SET applied_seq = ? WHERE id = 1',
} as const;

/** Journal facts older than this, once written into `terminal.db`, are deleted at start-up. */
const JOURNAL_KEEP_DAYS = 30;
/** The journal's WAL is copied into its file every this many sales (after the sale is answered). */
const JOURNAL_CHECKPOINT_EVERY = 64;

/** `terminal.db` is missing facts of the journal (a follow-up failed): write them first. */
class JournalBehind extends Error {}

type Prepared = { existing: string } | { fact: SaleFact };

/**
 * Completes sales (docs/architecture.md, "Sale commit"). A sale is committed in two steps:
 *
 * 1. the sale's fact (sale-fact.ts: the sale with its lines, payments, receipt number, shift and
 *    cashier) is appended to the sale journal with an fsync: from then on the sale survives a
 *    power cut, and the cashier gets the answer;
 * 2. on the next turn of the event loop, still holding the store's connection so nothing can see
 *    the state in between, one transaction writes its rows into `terminal.db` (sale, lines,
 *    payments, stock, outbox fact, seal, the cart's removal) with `process` durability, and marks
 *    the fact applied. Events and `afterSale` (print, drawer) run after it.
 *
 * A crash or power cut between the two, or a failed step 2, is repaired by `recover` (at start-up,
 * and before the next sale). Sales paid partly with store credit take one fully durable
 * transaction instead: the redemption must be able to refuse the sale before it is committed.
 */
export function createSaleService(deps: SaleServiceDeps) {
  const { local, cart, clock, ids, events, identity, settings, journal, logger } = deps;
  const { carts } = cart;
  const st = (text: string) => local.statement(text);
  const ledger = deps.storeCredit ?? noStoreCredit;
  const rowDeps = { statement: st, ids, ledger, sealer: deps.sealer };
  /** The newest journal fact, and the newest one whose rows are committed in terminal.db (kept in memory: read per sale otherwise). */
  let appended = journal.lastSeq();
  let applied = 0;

  const appliedSeq = (): number => (st(SQL.applied).get() as { applied_seq: number }).applied_seq;

  function checkTenders(payments: readonly PaymentInput[]): void {
    for (const p of payments) {
      if (!settings.tenders.includes(p.tender)) throw new DomainError('TENDER_REFUSED', `This store does not take ${p.tender} payments: take another tender.`);
      if (p.tender !== 'cash' && !p.reference) throw new DomainError('TENDER_REFUSED', `A ${p.tender} payment needs its reference (approval code or transaction id).`);
    }
  }

  /** Checks the cart and payments and builds the sale's fact; reads `terminal.db`, writes nothing. */
  function prepare(cartId: string, payments: readonly PaymentInput[]): Prepared {
    if (carts.findCurrentId() !== cartId) {
      // Only a cart that is not the current one can have been sold: the transaction that writes a
      // sale deletes its cart (sale-fact.ts), and a journaled sale not yet written is caught above
      // (JournalBehind). So the current cart, the usual case, skips this lookup.
      const already = st(SQL.already).get(cartId) as { id: string } | undefined;
      if (already) return { existing: already.id };
      throw new DomainError('CART_CHANGED', 'The cart changed on this terminal; check it and take payment again.');
    }
    const current = carts.snapshot(cartId);
    if (current.lines.length === 0) throw new DomainError('CART_EMPTY', 'The cart is empty: scan or search a product first.');
    const settled = settle(current.totals.totalMinor, payments, settings.cashRounding);
    if (!settled.ok) throw new DomainError(settled.code, settled.message);

    const { terminal, store } = identity;
    const counter = st(SQL.counter).get(terminal.id) as { last_receipt_seq: number; install_epoch: number };
    const receiptSeq = counter.last_receipt_seq + 1;
    const sale: Sale = {
      id: ids.next(),
      receiptNo: formatReceiptNo(terminal.code, counter.install_epoch, receiptSeq),
      createdAt: clock.now().toISOString(),
      lines: current.lines,
      totals: current.totals,
      payments: payments.map((p) => ({ id: ids.next(), tender: p.tender, amountMinor: minor(p.amountMinor), reference: p.reference ?? null })),
      tenderedMinor: minor(settled.tenderedMinor),
      changeMinor: minor(settled.changeMinor),
      cashRoundingMinor: minor(settled.cashRoundingMinor),
      cartDiscount: current.discount,
      cashierName: deps.cashier?.()?.name ?? null,
      note: current.note,
    };
    return {
      fact: {
        v: 1, eventId: ids.next(), storeId: store.id, terminalId: terminal.id, cartId, currency: store.currency,
        installEpoch: counter.install_epoch, receiptSeq, stamp: deps.sealer?.stamp() ?? { shiftId: null, cashierId: null }, sale,
      },
    };
  }

  /** After the rows are committed: the screen, sync and the printer hear of the sale. */
  function announce(sale: Sale, nextCart: ReturnType<typeof carts.snapshot>): void {
    events.emit('sale.completed', { id: sale.id, receiptNo: sale.receiptNo, createdAt: sale.createdAt, totalMinor: sale.totals.totalMinor, itemCount: sale.totals.itemCount });
    events.emit('cart.changed', nextCart);
    deps.afterSale?.(sale);
  }

  /** Writes into `terminal.db` every journal fact it lacks (inside a transaction); returns how many. */
  function applyJournal(): number {
    const stored = appliedSeq();
    const last = journal.lastSeq();
    appended = Math.max(appended, last);
    if (last < stored) {
      // The journal file is older than the database (restored or replaced): nothing to replay.
      logger.warn('the sale journal is older than the database; its newer facts are already applied', { journalSeq: last, appliedSeq: stored });
      st(SQL.setApplied).run(last);
      return 0;
    }
    let written = 0;
    for (const entry of journal.after(stored)) {
      const fact = SaleFact.parse(JSON.parse(entry.payload));
      if (!st(SQL.saleExists).get(fact.sale.id)) {
        writeSaleRows(local.sqlite, fact, rowDeps);
        written++;
      }
      st(SQL.setApplied).run(entry.seq);
    }
    return written;
  }

  /** The fast path: journal first (the cashier waits for this fsync only), rows on the next turn. */
  function completeJournaled(cartId: string, payments: readonly PaymentInput[]): Promise<Prepared> {
    return local.withFollowUp(
      () => {
        if (applied < appended) throw new JournalBehind();
        const prepared = prepare(cartId, payments);
        if ('fact' in prepared) appended = journal.append(prepared.fact.sale.id, JSON.stringify(prepared.fact), prepared.fact.sale.createdAt);
        return prepared;
      },
      (db, tx, prepared) => {
        if (!('fact' in prepared)) return;
        const seq = appended;
        if (applied === seq - 1) {
          // The usual case: only this sale is missing; write it from memory, not from the file.
          writeSaleRows(db, prepared.fact, rowDeps);
          st(SQL.setApplied).run(seq);
        } else {
          applyJournal();
        }
        const nextCart = carts.snapshot(carts.currentId());
        tx.onCommit(() => {
          announce(prepared.fact.sale, nextCart);
          if (seq % JOURNAL_CHECKPOINT_EVERY === 0) journal.checkpoint();
        });
      },
      { durability: 'process', committed: (prepared) => { if ('fact' in prepared) applied = appended; } },
    );
  }

  /** One fully durable transaction, for sales whose store-credit redemption may still refuse them. */
  async function completeInOneTransaction(cartId: string, payments: readonly PaymentInput[]): Promise<Prepared> {
    let upTo = applied;
    const prepared = await local.withSyncTransaction((db, tx) => {
      applyJournal();
      upTo = appended;
      const prepared = prepare(cartId, payments);
      if (!('fact' in prepared)) return prepared;
      writeSaleRows(db, prepared.fact, rowDeps);
      const nextCart = carts.snapshot(carts.currentId());
      tx.onCommit(() => announce(prepared.fact.sale, nextCart));
      return prepared;
    }, { durability: 'full' });
    applied = Math.max(applied, upTo);
    return prepared;
  }

  const service = {
    /**
     * Completes the cart the cashier paid for. Completing the same cart again returns the sale
     * already made (a double click or a resend never sells twice).
     */
    async complete(cartId: string, payments: readonly PaymentInput[]): Promise<Sale> {
      checkTenders(payments);
      const viaLedger = payments.some((p) => p.tender === 'storeCredit');
      let prepared: Prepared;
      try {
        prepared = await (viaLedger ? completeInOneTransaction : completeJournaled)(cartId, payments);
      } catch (error) {
        if (!(error instanceof JournalBehind)) throw error;
        await service.recover();
        prepared = await completeJournaled(cartId, payments);
      }
      return 'fact' in prepared ? prepared.fact.sale : service.get({ saleId: prepared.existing });
    },

    /**
     * Writes into `terminal.db` the journal's sales it lacks (after a crash or power cut between a
     * sale's two steps), durably, and prunes old applied facts. Runs at start-up and before a sale
     * when a follow-up failed. Returns how many sales were written.
     */
    async recover(): Promise<number> {
      const written = await local.withSyncTransaction(() => applyJournal(), { durability: 'full' });
      applied = await local.read(() => appliedSeq());
      if (written > 0) logger.warn('sales recovered from the sale journal', { count: written });
      const before = new Date(clock.now().getTime() - JOURNAL_KEEP_DAYS * 86_400_000).toISOString();
      journal.prune(applied, before);
      return written;
    },

    async get(where: { saleId: string } | { receiptNo: string }): Promise<Sale> {
      const sale = await local.read(() => readSaleSync(st, where));
      if (!sale) throw new DomainError('NOT_FOUND', 'No sale with that id or receipt number on this terminal.');
      return sale;
    },
  };
  return service;
}

export type SaleService = ReturnType<typeof createSaleService>;
