import type { HandlerSlice } from '../../../src-shared/contract';
import type { CatalogService } from './catalog-service';
import { toFtsPrefixQuery } from './fts-query';

export const catalogHandlers = (catalog: CatalogService): HandlerSlice<'catalog.search'> => ({
  'catalog.search': ({ query, limit }) => catalog.search(query, limit, toFtsPrefixQuery(query)),
});
