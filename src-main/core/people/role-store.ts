import type { Transaction } from 'kysely';
import { Permission, Role } from '../../../src-shared/domain/people';
import type { LocalStore } from '../db/local-store';
import type { Database } from '../db/schema';
import type { Clock } from '../deps';

/**
 * Roles are reference data (migration 0004 seeds the defaults; later the centre sends them).
 * Every permission check reads them, so they are cached and the cache is dropped after a save.
 * A stored permission this build does not know (a newer centre) is ignored, never granted.
 */
export function createRoleStore(local: LocalStore, clock: Clock) {
  let cache: Map<string, Role> | null = null;

  async function load(): Promise<Map<string, Role>> {
    const rows = await local.db.selectFrom('role').selectAll().orderBy('sort').orderBy('id').execute();
    return new Map(rows.map((row) => [row.id, toRole(row)]));
  }

  async function roles(): Promise<Map<string, Role>> {
    cache ??= await load();
    return cache;
  }

  return {
    list: async (): Promise<Role[]> => [...(await roles()).values()],
    get: async (roleId: string): Promise<Role | undefined> => (await roles()).get(roleId),
    async permissionsOf(roleId: string): Promise<Permission[]> {
      return (await roles()).get(roleId)?.permissions ?? [];
    },
    async save(trx: Transaction<Database>, role: Role, onCommit: (hook: () => void) => void): Promise<{ before: Role | null; after: Role }> {
      const existing = await trx.selectFrom('role').selectAll().where('id', '=', role.id).executeTakeFirst();
      const permissions = Permission.options.filter((p) => role.permissions.includes(p));
      const row = { name: role.name, permissions_json: JSON.stringify(permissions), updated_at: clock.now().toISOString() };
      if (existing) {
        await trx.updateTable('role').set(row).where('id', '=', role.id).execute();
      } else {
        const { sort } = await trx.selectFrom('role').select((eb) => eb.fn.coalesce(eb.fn.max('sort'), eb.val(0)).as('sort')).executeTakeFirstOrThrow();
        await trx.insertInto('role').values({ id: role.id, sort: Number(sort) + 1, ...row }).execute();
      }
      onCommit(() => { cache = null; });
      return { before: existing ? toRole(existing) : null, after: { id: role.id, name: role.name, permissions } };
    },
  };
}

/** A stored role row as a Role; a permission this build does not know is dropped, never granted. */
export function toRole(row: { id: string; name: string; permissions_json: string }): Role {
  let stored: unknown;
  try {
    stored = JSON.parse(row.permissions_json);
  } catch {
    stored = [];
  }
  const permissions = Array.isArray(stored) ? Permission.options.filter((p) => stored.includes(p)) : [];
  return { id: row.id, name: row.name, permissions };
}

export type RoleStore = ReturnType<typeof createRoleStore>;
