import { z } from 'zod';
import * as admin from '../../src-shared/sync/admin-api';
import * as protocol from '../../src-shared/sync/protocol';

/**
 * OpenAPI 3.1 document, its schemas generated from the same zod schemas the server parses with
 * (https://zod.dev/json-schema), so the document cannot drift from what is enforced.
 */
const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });

type Op = { summary: string; auth: 'terminal' | 'admin' | 'none'; body?: z.ZodType; response?: z.ZodType; contentType?: string };

function operation(op: Op) {
  return {
    summary: op.summary,
    ...(op.auth === 'none' ? { security: [] } : { security: [{ [op.auth]: [] }] }),
    ...(op.body ? { requestBody: { required: true, content: { [op.contentType ?? 'application/json']: { schema: schema(op.body) } } } } : {}),
    responses: {
      '200': { description: 'OK', ...(op.response ? { content: { 'application/json': { schema: schema(op.response) } } } : {}) },
      default: { description: 'Error', content: { 'application/json': { schema: schema(protocol.SyncError) } } },
    },
  };
}

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {
    [protocol.SYNC_PATHS.enroll]: { post: operation({ summary: 'Enroll a terminal with a one-time code', auth: 'none', body: protocol.EnrollRequest, response: protocol.EnrollResponse }) },
    [protocol.SYNC_PATHS.hello]: { post: operation({ summary: 'Versions, clock, epoch/replay/clone decision', auth: 'terminal', body: protocol.HelloRequest, response: protocol.HelloResponse }) },
    [protocol.SYNC_PATHS.push]: { post: operation({ summary: 'Push a batch of facts (one transaction)', auth: 'terminal', body: protocol.PushRequest, response: protocol.PushResponse }) },
    [protocol.SYNC_PATHS.pull]: { get: { ...operation({ summary: 'One page of a stream after the cursor', auth: 'terminal', response: protocol.PullResponse }), parameters: [
      { name: 'stream', in: 'query', required: true, schema: schema(protocol.StreamName) },
      { name: 'cursor', in: 'query', required: false, schema: { type: 'string', maxLength: 200 } },
      { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: protocol.MAX_PULL_LIMIT } },
    ] } },
    [protocol.SYNC_PATHS.wait]: { post: operation({ summary: 'Long poll until a stream has news', auth: 'terminal', body: protocol.WaitRequest, response: protocol.WaitResponse }) },
    '/api/v1/login': { post: operation({ summary: 'Admin login → session token', auth: 'none', body: admin.LoginRequest, response: admin.LoginResponse }) },
    '/api/v1/stores': {
      post: operation({ summary: 'Create a store', auth: 'admin', body: admin.CreateStoreRequest, response: admin.AdminStore }),
      get: operation({ summary: 'List stores', auth: 'admin', response: z.array(admin.AdminStore) }),
    },
    '/api/v1/stores/{id}/terminals': { get: operation({ summary: "A store's terminals", auth: 'admin', response: z.array(admin.AdminTerminal) }) },
    '/api/v1/stores/{id}/enrollment-codes': { post: operation({ summary: 'One-time enrollment code (shown once)', auth: 'admin', body: admin.CreateEnrollmentCodeRequest, response: admin.EnrollmentCodeResponse }) },
    '/api/v1/terminals/{id}/revoke': { post: operation({ summary: 'Revoke a terminal at once', auth: 'admin' }) },
    '/api/v1/stores/{id}/quarantined-events': { get: operation({ summary: 'Quarantined facts of a store', auth: 'admin', response: z.array(admin.QuarantinedEvent) }) },
    '/api/v1/tax-rates/{code}': { put: operation({ summary: 'Create or change a tax class', auth: 'admin', body: admin.PutTaxRateRequest }) },
    '/api/v1/catalog/import': { post: operation({ summary: `Import products from CSV (${admin.CATALOG_CSV_COLUMNS.join(',')}; barcodes separated by |), all or nothing`, auth: 'admin', body: z.string(), contentType: 'text/csv', response: admin.CatalogImportResponse }) },
    '/api/v1/products': { get: operation({ summary: 'Products by sku, paged with afterSku', auth: 'admin', response: z.array(admin.AdminProduct) }) },
    '/api/v1/products/{id}': { patch: operation({ summary: 'Edit one product', auth: 'admin', body: admin.PatchProductRequest, response: admin.AdminProduct }) },
    '/api/v1/stores/{id}/roles': {
      put: operation({ summary: 'Create or change a role by name', auth: 'admin', body: admin.PutRoleRequest, response: admin.AdminRole }),
      get: operation({ summary: "A store's roles", auth: 'admin', response: z.array(admin.AdminRole) }),
    },
    '/api/v1/stores/{id}/people': {
      post: operation({ summary: 'Add a person', auth: 'admin', body: admin.PutPersonRequest, response: admin.AdminPerson }),
      get: operation({ summary: "A store's people", auth: 'admin', response: z.array(admin.AdminPerson) }),
    },
    '/api/v1/stores/{id}/people/{personId}': { put: operation({ summary: 'Change a person', auth: 'admin', body: admin.PutPersonRequest, response: admin.AdminPerson }) },
    '/health': { get: { summary: 'Process is up', security: [], responses: { '200': { description: 'OK' } } } },
    '/ready': { get: { summary: 'Database reachable', security: [], responses: { '200': { description: 'OK' }, '503': { description: 'Database unreachable' } } } },
    '/metrics': { get: { summary: 'Prometheus metrics', security: [], responses: { '200': { description: 'text/plain; version=0.0.4' } } } },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Tillpoint sync server', version: String(protocol.PROTOCOL_VERSION) },
    components: { securitySchemes: {
      terminal: { type: 'http', scheme: 'bearer', description: 'Device credential from enrollment' },
      admin: { type: 'http', scheme: 'bearer', description: 'Session token from POST /api/v1/login' },
    } },
    paths,
  };
}
