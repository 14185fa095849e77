import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { newId } from '../../src-shared/id';
import { PutPersonRequest, PutRoleRequest, type AdminPerson, type AdminRole } from '../../src-shared/sync/admin-api';
import { appendChanges } from '../changes/append';
import type { Db, Trx } from '../db/connect';
import { ApiError } from '../http/errors';
import { IdParams, requireStore } from './stores-routes';

const PersonParams = z.object({ id: z.string().uuid(), personId: z.string().uuid() });

const permissionsOf = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

async function requireRole(trx: Trx, storeId: string, roleId: string): Promise<void> {
  const role = await trx.selectFrom('roles').select('id').where('id', '=', roleId).where('store_id', '=', storeId).executeTakeFirst();
  if (!role) throw new ApiError('INVALID_REQUEST', `role ${roleId} is not a role of store ${storeId}`);
}

/** People and roles per store; each change is logged to that store's `people` stream. */
export function registerPeopleRoutes(app: FastifyInstance, db: Db): void {
  app.put('/api/v1/stores/:id/roles', async (request): Promise<AdminRole> => {
    const { id } = IdParams.parse(request.params);
    const body = PutRoleRequest.parse(request.body);
    await requireStore(db, id);
    return db.transaction().execute(async (trx) => {
      const row = await trx.insertInto('roles').values({ id: newId(), store_id: id, name: body.name, permissions: JSON.stringify(body.permissions) })
        .onConflict((oc) => oc.columns(['store_id', 'name']).doUpdateSet({ permissions: JSON.stringify(body.permissions) }))
        .returningAll().executeTakeFirstOrThrow();
      const role: AdminRole = { id: row.id, storeId: id, name: row.name, permissions: permissionsOf(row.permissions) };
      await appendChanges(trx, 'people', id, [{ entity: 'role', id: row.id, op: 'upsert', data: role }]);
      return role;
    });
  });

  app.get('/api/v1/stores/:id/roles', async (request): Promise<AdminRole[]> => {
    const { id } = IdParams.parse(request.params);
    await requireStore(db, id);
    const rows = await db.selectFrom('roles').selectAll().where('store_id', '=', id).orderBy('name').execute();
    return rows.map((r) => ({ id: r.id, storeId: id, name: r.name, permissions: permissionsOf(r.permissions) }));
  });

  app.post('/api/v1/stores/:id/people', async (request, reply): Promise<AdminPerson> => {
    const { id } = IdParams.parse(request.params);
    const body = PutPersonRequest.parse(request.body);
    await requireStore(db, id);
    const person: AdminPerson = { id: newId(), storeId: id, name: body.name, roleId: body.roleId, active: body.active };
    await db.transaction().execute(async (trx) => {
      await requireRole(trx, id, body.roleId);
      await trx.insertInto('people').values({ id: person.id, store_id: id, name: person.name, role_id: person.roleId, active: person.active }).execute();
      await appendChanges(trx, 'people', id, [{ entity: 'person', id: person.id, op: 'upsert', data: person }]);
    });
    void reply.status(201);
    return person;
  });

  app.put('/api/v1/stores/:id/people/:personId', async (request): Promise<AdminPerson> => {
    const { id, personId } = PersonParams.parse(request.params);
    const body = PutPersonRequest.parse(request.body);
    return db.transaction().execute(async (trx) => {
      await requireRole(trx, id, body.roleId);
      const updated = await trx.updateTable('people').set({ name: body.name, role_id: body.roleId, active: body.active })
        .where('id', '=', personId).where('store_id', '=', id).returning('id').executeTakeFirst();
      if (!updated) throw new ApiError('NOT_FOUND', `no person ${personId} in store ${id}`);
      const person: AdminPerson = { id: personId, storeId: id, name: body.name, roleId: body.roleId, active: body.active };
      await appendChanges(trx, 'people', id, [{ entity: 'person', id: personId, op: 'upsert', data: person }]);
      return person;
    });
  });

  app.get('/api/v1/stores/:id/people', async (request): Promise<AdminPerson[]> => {
    const { id } = IdParams.parse(request.params);
    await requireStore(db, id);
    const rows = await db.selectFrom('people').selectAll().where('store_id', '=', id).orderBy('name').execute();
    return rows.map((p) => ({ id: p.id, storeId: id, name: p.name, roleId: p.role_id, active: p.active }));
  });
}
