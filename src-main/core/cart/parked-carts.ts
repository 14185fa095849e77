import { DomainError } from '../../../src-shared/contract';
import type { Cart, ParkedCart } from '../../../src-shared/domain/cart';
import { minor } from '../../../src-shared/money';
import type { Authorize } from '../authorize';
import type { LocalStore } from '../db/local-store';
import type { Clock, IdGenerator } from '../deps';
import type { EventHub } from '../events';
import type { CartRow } from './cart-store';
import type { CartService } from './cart-service';

/** Most parked sales a list returns (a till with more has a different problem). */
export const MAX_PARKED_LISTED = 100;

const SQL = {
  park: 'UPDATE cart SET parked_at = ?, park_note = ?, updated_at = ? WHERE id = ?',
  parked: `SELECT * FROM cart WHERE parked_at IS NOT NULL ORDER BY parked_at DESC, id DESC LIMIT ${MAX_PARKED_LISTED}`,
  parkedOne: 'SELECT * FROM cart WHERE id = ? AND parked_at IS NOT NULL',
  deleteCart: 'DELETE FROM cart WHERE id = ?',
  unpark: 'UPDATE cart SET parked_at = NULL, park_note = NULL, updated_at = ? WHERE id = ?',
  recordDeletion: `INSERT INTO parked_cart_deletion (id, cart_id, reason, parked_at, park_note, line_count, total_minor, lines_json, deleted_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
} as const;

/**
 * Parked (suspended) sales: the current cart is set aside with a note and a fresh one starts; it
 * comes back with `resume`. Resuming refuses while the current cart has lines (CART_NOT_EMPTY):
 * the cashier parks or finishes it first, so no sale is ever merged or dropped silently.
 * Deleting a parked sale needs a reason and is recorded with its lines (`parked_cart_deletion`).
 */
export function createParkedCarts(deps: { local: LocalStore; cart: CartService; clock: Clock; ids: IdGenerator; events: EventHub; authorize: Authorize }) {
  const { local, clock, ids, events } = deps;
  const { carts } = deps.cart;

  function parkedOrThrow(parkedId: string): CartRow {
    const row = carts.st(SQL.parkedOne).get(parkedId) as CartRow | undefined;
    if (!row) throw new DomainError('NOT_FOUND', 'No parked sale with that id: it was resumed or deleted meanwhile.');
    return row;
  }

  function summary(row: CartRow): ParkedCart {
    const cart = carts.price(row, carts.lineRows(row.id));
    return {
      id: row.id, parkedAt: row.parked_at ?? row.updated_at, note: row.park_note, lineCount: cart.lines.length,
      itemCount: cart.totals.itemCount, totalMinor: minor(cart.totals.totalMinor), preview: cart.lines.slice(0, 3).map((l) => l.name),
    };
  }

  return {
    /** Parks the current cart (it must have lines) and returns the fresh empty one. */
    park(note: string | undefined): Promise<Cart> {
      return local.withSyncTransaction((_db, tx) => {
        const cartId = carts.currentId();
        if (carts.lineRows(cartId).length === 0) throw new DomainError('CART_EMPTY', 'The cart is empty: there is nothing to park.');
        const now = clock.now().toISOString();
        carts.st(SQL.park).run(now, note ?? null, now, cartId);
        const next = carts.snapshot(carts.currentId());
        tx.onCommit(() => events.emit('cart.changed', next));
        return next;
      }, { durability: 'process' });
    },

    list(): Promise<ParkedCart[]> {
      return local.read(() => (carts.st(SQL.parked).all() as CartRow[]).map(summary));
    },

    /** Makes a parked sale the current cart again. */
    resume(parkedId: string): Promise<Cart> {
      return local.withSyncTransaction((_db, tx) => {
        const parked = parkedOrThrow(parkedId);
        const currentId = carts.findCurrentId();
        if (currentId !== undefined) {
          const lines = carts.lineRows(currentId).length;
          if (lines > 0) {
            throw new DomainError('CART_NOT_EMPTY', `The current sale has ${lines} ${lines === 1 ? 'line' : 'lines'}: park it or finish it before resuming another.`);
          }
          carts.st(SQL.deleteCart).run(currentId);
        }
        carts.st(SQL.unpark).run(clock.now().toISOString(), parked.id);
        const next = carts.snapshot(parked.id);
        tx.onCommit(() => events.emit('cart.changed', next));
        return next;
      }, { durability: 'process' });
    },

    /** Deletes a parked sale for `reason`, recording what it held. */
    async delete(parkedId: string, reason: string): Promise<{ deleted: string }> {
      const before = await local.read(() => summary(parkedOrThrow(parkedId)));
      await deps.authorize('line.void', { summary: `Deleting a parked sale of ${before.lineCount} lines (${reason})`, cartId: parkedId, amountMinor: before.totalMinor });
      return local.withSyncTransaction(() => {
        const row = parkedOrThrow(parkedId);
        const cart = carts.price(row, carts.lineRows(row.id));
        carts.st(SQL.recordDeletion).run(
          ids.next(), row.id, reason, row.parked_at ?? row.updated_at, row.park_note, cart.lines.length, cart.totals.totalMinor,
          JSON.stringify(cart.lines), clock.now().toISOString(),
        );
        carts.st(SQL.deleteCart).run(row.id); // its lines go with it (ON DELETE CASCADE)
        return { deleted: row.id };
      });
    },
  };
}

export type ParkedCarts = ReturnType<typeof createParkedCarts>;
