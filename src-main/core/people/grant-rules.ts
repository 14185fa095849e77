import type { Transaction } from 'kysely';
import { DomainError } from '../../../src-shared/contract';
import { permissionsNotHeld, type Permission } from '../../../src-shared/domain/people';
import type { Database } from '../db/schema';
import { toRole } from './role-store';

/**
 * The two rules every local edit of roles and people follows (`roles.save`, `people.save`):
 *
 * 1. Nobody hands out, or takes away, a permission they do not hold. Editing a role, or a
 *    person's role, touches every permission of the role before and after the edit; the editor
 *    must hold all of them. Without it a manager holding `people` could add `settings` to their
 *    own role, move themselves to Administrator, or reset an Administrator's PIN and sign in as
 *    them: "people" would be every permission. The same rule as "a grantor can only grant
 *    privileges it holds" (https://www.postgresql.org/docs/current/sql-grant.html: "the grantor
 *    … must hold the privilege with grant option"), here without the grant option: holding is enough.
 * 2. Someone active keeps `people`: an edit that would leave no active person able to manage
 *    people and roles is refused, or the till could never be put right without the central office.
 *
 * In setup (nobody on the till could sign in yet, method-policy.ts) there is no editor: rule 1
 * does not apply, rule 2 does, so the first person created can manage the others.
 */

/** Who edits: the person acting, with the permissions their role has now. */
export interface Grantor {
  readonly id: string;
  readonly name: string;
  readonly permissions: readonly Permission[];
}

/** Throws `GRANT_REFUSED` when the editor (null: nobody signed in, setup) lacks a permission the edit touches. */
export function assertMayGrant(editor: Grantor | null, touched: readonly Permission[], what: string): void {
  if (!editor) return;
  const missing = permissionsNotHeld(editor.permissions, touched);
  if (missing.length === 0) return;
  const list = missing.map((p) => `"${p}"`).join(', ');
  throw new DomainError(
    'GRANT_REFUSED',
    `${what} touches ${missing.length === 1 ? 'the permission' : 'the permissions'} ${list}, which ${editor.name} does not hold: only someone who holds ${missing.length === 1 ? 'it' : 'them'} can make this change.`,
    { permissions: missing },
  );
}

/**
 * Throws `LAST_PEOPLE_MANAGER` unless an active person's role holds `people`. Run inside the
 * edit's transaction after its writes, so a refusal rolls the edit back.
 */
export async function assertSomeoneManagesPeople(trx: Transaction<Database>, what: string): Promise<void> {
  const rows = await trx
    .selectFrom('person')
    .innerJoin('role', 'role.id', 'person.role')
    .select(['role.id', 'role.name', 'role.permissions_json'])
    .where('person.active', '=', 1)
    .execute();
  if (!rows.some((row) => toRole(row).permissions.includes('people'))) {
    throw new DomainError(
      'LAST_PEOPLE_MANAGER',
      `${what} would leave no active person who may manage people and roles (the permission "people"): give that permission to someone active first.`,
    );
  }
}
