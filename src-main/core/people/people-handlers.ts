import type { HandlerSlice } from '../../../src-shared/contract';
import type { AuditLog } from '../audit/audit-log';
import { verifyChains } from '../audit/verify-chains';
import type { LocalStore } from '../db/local-store';
import type { SettingsStore } from '../settings/control-settings';
import type { Access } from './access';
import { assertMayGrant, assertSomeoneManagesPeople, type Grantor } from './grant-rules';
import type { OverrideService } from './override-service';
import type { PeopleService } from './people-service';
import type { RoleStore } from './role-store';
import type { SessionService } from './session-service';

type PeopleMethods =
  | 'people.listForSignIn' | 'session.current' | 'session.signIn' | 'session.lock' | 'session.signOut' | 'session.touch'
  | 'admin.enter' | 'admin.leave' | 'override.approve' | 'people.list' | 'people.save' | 'people.unlock'
  | 'roles.list' | 'roles.save' | 'control.settings' | 'control.updateSettings' | 'audit.list' | 'audit.verify';

export interface PeopleHandlerDeps {
  local: LocalStore;
  people: PeopleService;
  session: SessionService;
  overrides: OverrideService;
  roles: RoleStore;
  settings: SettingsStore;
  access: Access;
  audit: AuditLog;
}

/** Who acts, for records: the admin in admin mode, else the session's person (the gate already checked it). */
const actorIdOf = async (access: Access) => (await access.requireSession())?.effective.id ?? null;
/**
 * Who edits people and roles, with the permissions of their role now (grant-rules.ts): the admin
 * in admin mode, else the session's person; null when nobody needs to be signed in.
 */
const grantorOf = async (access: Access, roles: RoleStore): Promise<Grantor | null> => {
  const actor = await access.requireSession();
  return actor ? { id: actor.effective.id, name: actor.effective.name, permissions: await roles.permissionsOf(actor.effective.roleId) } : null;
};
/** Who asked for an override: always the session's person (the token is bound to them). */
const requesterOf = async (access: Access) => (await access.requireSession())?.person.id ?? null;

export const peopleHandlers = (deps: PeopleHandlerDeps): HandlerSlice<PeopleMethods> => {
  const { local, people, session, overrides, roles, settings, access, audit } = deps;
  return {
    'people.listForSignIn': () => people.listForSignIn(),
    'session.current': () => session.state(),
    'session.signIn': ({ personId, pin }) => session.signIn(personId, pin),
    'session.lock': () => session.lock(),
    'session.signOut': () => session.signOut(),
    'session.touch': () => session.touch(),
    'admin.enter': ({ personId, pin }) => session.enterAdmin(personId, pin),
    'admin.leave': () => session.leaveAdmin(),
    'override.approve': async (input) => overrides.approve(input, await requesterOf(access)),
    'people.list': () => people.list(),
    'people.save': async (input) => people.save(input, await grantorOf(access, roles)),
    'people.unlock': async ({ personId }) => people.unlock(personId, await actorIdOf(access)),
    'roles.list': () => roles.list(),
    'roles.save': async (role) => {
      const grantor = await grantorOf(access, roles);
      return local.withTransaction(async (trx, tx) => {
        const { before, after } = await roles.save(trx, role, (hook) => tx.onCommit(hook));
        // Checked after the write, in its transaction: a refusal rolls it back (and its cache hook).
        const what = `Changing the role "${after.name}"`;
        assertMayGrant(grantor, [...(before?.permissions ?? []), ...after.permissions], what);
        await assertSomeoneManagesPeople(trx, what);
        await audit.append(trx, { action: 'role.saved', actorId: grantor?.id ?? null, details: { roleId: role.id, before: before?.permissions ?? null, after: after.permissions, name: after.name } });
        return after;
      });
    },
    'control.settings': () => settings.get(),
    'control.updateSettings': async (patch) => {
      const actorId = await actorIdOf(access);
      return local.withTransaction(async (trx, tx) => {
        const { before, after } = await settings.update(trx, patch, (hook) => tx.onCommit(hook));
        const changed = Object.fromEntries(Object.keys(patch).map((key) => [key, { from: before[key as keyof typeof before], to: after[key as keyof typeof after] }]));
        await audit.append(trx, { action: 'settings.changed', actorId, details: changed });
        return after;
      });
    },
    'audit.list': async ({ limit, beforeSeq }) => {
      let query = local.db.selectFrom('audit_entry').selectAll().orderBy('seq', 'desc').limit(limit);
      if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
      const rows = await query.execute();
      return rows.map((row) => ({
        seq: row.seq, id: row.id, at: row.at, actorId: row.actor_id, action: row.action,
        details: JSON.parse(row.details_json) as Record<string, unknown>, prevHash: row.prev_hash, hash: row.hash,
      }));
    },
    // Inside a transaction so that no write interleaves with the walk over the raw handle.
    'audit.verify': () => local.withTransaction(() => verifyChains(local.sqlite)),
  };
};
