import type { HandlerSlice } from '../../../src-shared/contract';
import type { LocalStore } from '../db/local-store';
import { renderReceiptSvg } from '../receipt/render-receipt';
import { receiptDocument } from '../receipt/receipt-document';
import type { TerminalIdentity } from '../settings/terminal-identity';
import { listRecentSales } from './sale-reader';
import type { SaleService } from './sale-service';

/** Characters per line of the on-screen receipt (an 80 mm printer's Font A). */
const PREVIEW_WIDTH = 42;

type SaleMethods = 'sale.complete' | 'sale.get' | 'sale.listRecent' | 'receipt.preview';

export const saleHandlers = (sales: SaleService, local: LocalStore, identity: TerminalIdentity): HandlerSlice<SaleMethods> => ({
  'sale.complete': ({ cartId, payments }) => sales.complete(cartId, payments),
  'sale.get': (where) => sales.get(where),
  'sale.listRecent': ({ limit }) => listRecentSales(local.db, limit),
  'receipt.preview': async ({ saleId, copy }) => {
    const sale = await sales.get({ saleId });
    const doc = receiptDocument(sale, identity.store, identity.terminal, { copy, width: PREVIEW_WIDTH });
    return { svg: renderReceiptSvg(doc, { width: PREVIEW_WIDTH }), receiptNo: sale.receiptNo };
  },
});
