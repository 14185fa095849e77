import type { FastifyInstance } from 'fastify';
import { sql, type Selectable } from 'kysely';
import { z } from 'zod';
import { newId } from '../../src-shared/id';
import {
  CreateEnrollmentCodeRequest, CreateStoreRequest, type AdminStore, type AdminTerminal, type EnrollmentCodeResponse, type QuarantinedEvent,
} from '../../src-shared/sync/admin-api';
import { appendChanges } from '../changes/append';
import type { Db } from '../db/connect';
import type { StoresTable } from '../db/schema';
import { ApiError } from '../http/errors';
import { newEnrollmentCode, normaliseCode } from '../sync/enroll';
import { sha256 } from '../sync/terminal-auth';

export const IdParams = z.object({ id: z.string().uuid() });

type StoreRow = { [K in keyof Omit<StoresTable, 'created_at'>]: Selectable<StoresTable>[K] };

const storeDto = (s: StoreRow): AdminStore => ({
  id: s.id, name: s.name, locale: s.locale, currency: s.currency, currencyDigits: s.currency_digits,
  timeZone: s.time_zone, pricesIncludeTax: s.prices_include_tax, address: s.address,
});

export async function requireStore(db: Db, id: string): Promise<void> {
  const store = await db.selectFrom('stores').select('id').where('id', '=', id).executeTakeFirst();
  if (!store) throw new ApiError('NOT_FOUND', `no store ${id}`);
}

/** Stores, their terminals, enrollment codes, revocation and quarantined facts. */
export function registerStoreRoutes(app: FastifyInstance, db: Db): void {
  app.post('/api/v1/stores', async (request, reply): Promise<AdminStore> => {
    const body = CreateStoreRequest.parse(request.body);
    const row = {
      id: newId(), name: body.name, locale: body.locale, currency: body.currency, currency_digits: body.currencyDigits,
      time_zone: body.timeZone, prices_include_tax: body.pricesIncludeTax, address: body.address,
    };
    const store = storeDto(row);
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('stores').values(row).execute();
      await appendChanges(trx, 'store', row.id, [{ entity: 'store', id: row.id, op: 'upsert', data: store }]);
    });
    void reply.status(201);
    return store;
  });

  app.get('/api/v1/stores', async (): Promise<AdminStore[]> =>
    (await db.selectFrom('stores').selectAll().orderBy('name').execute()).map(storeDto));

  app.get('/api/v1/stores/:id/terminals', async (request): Promise<AdminTerminal[]> => {
    const { id } = IdParams.parse(request.params);
    await requireStore(db, id);
    const rows = await db.selectFrom('terminals').selectAll().where('store_id', '=', id).orderBy('code').execute();
    return rows.map((t) => ({
      id: t.id, storeId: t.store_id, name: t.name, code: t.code, installEpoch: t.install_epoch, appVersion: t.app_version,
      enrolledAt: t.enrolled_at.toISOString(), revokedAt: t.revoked_at?.toISOString() ?? null, lastSeen: t.last_seen?.toISOString() ?? null,
      clockOffsetMs: t.clock_offset_ms === null ? null : Number(t.clock_offset_ms), cloneSuspected: t.clone_suspected,
    }));
  });

  app.post('/api/v1/stores/:id/enrollment-codes', async (request, reply): Promise<EnrollmentCodeResponse> => {
    const { id } = IdParams.parse(request.params);
    const body = CreateEnrollmentCodeRequest.parse(request.body ?? {});
    await requireStore(db, id);
    const code = newEnrollmentCode();
    const expiresAt = new Date(Date.now() + body.validHours * 3_600_000);
    // Only the hash is kept: the plain code is shown once, here.
    await db.insertInto('enrollment_codes').values({ code_hash: sha256(normaliseCode(code)), store_id: id, expires_at: expiresAt }).execute();
    void reply.status(201);
    return { code, storeId: id, expiresAt: expiresAt.toISOString() };
  });

  app.post('/api/v1/terminals/:id/revoke', async (request): Promise<{ revokedAt: string }> => {
    const { id } = IdParams.parse(request.params);
    return db.transaction().execute(async (trx) => {
      const row = await trx.updateTable('terminals').set({ revoked_at: sql<Date>`coalesce(revoked_at, now())` })
        .where('id', '=', id).returning(['store_id', 'revoked_at', 'code', 'name']).executeTakeFirst();
      if (!row?.revoked_at) throw new ApiError('NOT_FOUND', `no terminal ${id}`);
      await appendChanges(trx, 'store', row.store_id, [{ entity: 'terminal', id, op: 'upsert', data: { id, code: row.code, name: row.name, revoked: true } }]);
      return { revokedAt: row.revoked_at.toISOString() };
    });
  });

  app.get('/api/v1/stores/:id/quarantined-events', async (request): Promise<QuarantinedEvent[]> => {
    const { id } = IdParams.parse(request.params);
    await requireStore(db, id);
    const rows = await db.selectFrom('events').selectAll().where('store_id', '=', id).where('status', '=', 'quarantined')
      .orderBy('received_at', 'desc').limit(1_000).execute();
    return rows.map((e) => ({
      eventId: e.event_id, storeId: e.store_id, terminalId: e.terminal_id, installEpoch: e.install_epoch, seq: Number(e.seq),
      type: e.type, occurredAt: e.occurred_at.toISOString(), receivedAt: e.received_at.toISOString(), reason: e.reason, payload: e.payload,
    }));
  });
}
