import type { HandlerSlice } from '../../../src-shared/contract';
import type { ReturnService } from './return-service';

type ReturnsMethods = 'returns.findSale' | 'returns.create' | 'returns.get' | 'sale.void';

export const returnsHandlers = (returns: ReturnService): HandlerSlice<ReturnsMethods> => ({
  'returns.findSale': (where) => returns.find(where),
  'returns.create': (request) => returns.create(request),
  'returns.get': ({ returnId }) => returns.get(returnId),
  'sale.void': ({ saleId, reasonCode }) => returns.voidSale(saleId, reasonCode),
});
