import type { HandlerSlice } from '../../../src-shared/contract';
import type { StoreSettings } from '../../../src-shared/domain/store-settings';
import type { LocalStore } from '../db/local-store';
import { renderReceiptSvg } from '../receipt/render-receipt';
import { receiptDocument } from '../receipt/receipt-document';
import type { TerminalIdentity } from '../settings/terminal-identity';
import { listRecentSales } from './sale-reader';
import type { SaleService } from './sale-service';

type SaleMethods = 'sale.complete' | 'sale.get' | 'sale.listRecent' | 'receipt.preview';

export const saleHandlers = (sales: SaleService, local: LocalStore, identity: TerminalIdentity, settings: StoreSettings): HandlerSlice<SaleMethods> => ({
  'sale.complete': ({ cartId, payments }) => sales.complete(cartId, payments),
  'sale.get': (where) => sales.get(where),
  'sale.listRecent': ({ limit }) => local.read(() => listRecentSales(local.statement, identity.terminal.id, limit)),
  // Width and code page of the on-screen receipt come from the store's settings (printers use their own).
  'receipt.preview': async ({ saleId, copy }) => {
    const sale = await sales.get({ saleId });
    const { widthChars: width, codePage } = settings.receipt;
    const doc = receiptDocument(sale, identity.store, identity.terminal, { copy, width });
    return { svg: renderReceiptSvg(doc, { width, encoding: codePage }), receiptNo: sale.receiptNo };
  },
});
