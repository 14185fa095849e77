import { DomainError } from '../../../src-shared/contract';
import type { Person, SignInChoice } from '../../../src-shared/domain/people';
import type { AuditLog } from '../audit/audit-log';
import type { LocalStore } from '../db/local-store';
import type { Clock, IdGenerator } from '../deps';
import { hashPin, MalformedPinHashError, verifyPin } from './pin-hash';
import { assertMayGrant, assertSomeoneManagesPeople, type Grantor } from './grant-rules';
import type { RoleStore } from './role-store';

/** Five wrong PINs in a row lock the person for five minutes (issue 4; ARCHITECTURE.md §7). */
export const MAX_PIN_FAILURES = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;

export interface VerifiedPerson {
  id: string;
  name: string;
  roleId: string;
}

/**
 * People and their PINs. A PIN check is the one place that counts failures: sign-in, admin mode
 * and override approvals all go through `verify`, so guessing a manager's PIN through the
 * override dialog locks that manager like guessing it at sign-in. Counters and the lock-until time
 * live in `person_lock`, so a restart never clears a lockout.
 */
export function createPeopleService(deps: { local: LocalStore; clock: Clock; ids: IdGenerator; audit: AuditLog; roles: RoleStore }) {
  const { local, clock, audit, roles } = deps;

  async function lockedUntil(personId: string): Promise<string | null> {
    const row = await local.db.selectFrom('person_lock').select('locked_until').where('person_id', '=', personId).executeTakeFirst();
    return row?.locked_until && row.locked_until > clock.now().toISOString() ? row.locked_until : null;
  }

  async function toPerson(row: { id: string; name: string; role: string; active: number }): Promise<Person> {
    return { id: row.id, name: row.name, roleId: row.role, active: row.active === 1, lockedUntil: await lockedUntil(row.id) };
  }

  async function find(personId: string) {
    return local.db.selectFrom('person').select(['id', 'name', 'role', 'pin_hash', 'active']).where('id', '=', personId).executeTakeFirst();
  }

  return {
    async listForSignIn(): Promise<SignInChoice[]> {
      return local.db.selectFrom('person').select(['id', 'name']).where('active', '=', 1).orderBy('name').orderBy('id').execute();
    },

    async list(): Promise<Person[]> {
      const rows = await local.db.selectFrom('person').select(['id', 'name', 'role', 'active']).orderBy('name').orderBy('id').execute();
      return Promise.all(rows.map(toPerson));
    },

    async get(personId: string): Promise<Person> {
      const row = await find(personId);
      if (!row) throw new DomainError('NOT_FOUND', 'No person with that id on this till.');
      return toPerson(row);
    },

    /**
     * Checks a PIN for `purpose` (`signIn`, `admin`, `override`). A wrong PIN is `PIN_INCORRECT`
     * with the attempts left; the fifth in a row locks the person (`PERSON_LOCKED`). Every
     * outcome is audited. The scrypt check runs outside any transaction (it takes tens of ms).
     */
    async verify(personId: string, pin: string, purpose: string): Promise<VerifiedPerson> {
      const person = await find(personId);
      if (!person || person.active !== 1) throw new DomainError('NOT_FOUND', 'No active person with that id: pick a name from the list.');
      const lockedAt = await lockedUntil(personId);
      if (lockedAt) {
        await audit.record({ action: 'pin.refusedWhileLocked', actorId: personId, details: { purpose, lockedUntil: lockedAt } });
        throw new DomainError('PERSON_LOCKED', `${person.name} is locked after ${MAX_PIN_FAILURES} wrong PINs until ${lockedAt}. Try again later or ask a manager.`, { lockedUntil: lockedAt });
      }
      let ok: boolean;
      try {
        ok = await verifyPin(pin, person.pin_hash);
      } catch (error) {
        if (!(error instanceof MalformedPinHashError)) throw error;
        throw new DomainError('PIN_INCORRECT', `${person.name} has no usable PIN on this till: a manager must set one in People.`, { attemptsLeft: 0 });
      }
      const now = clock.now();
      const outcome = await local.withTransaction(async (trx) => {
        const row = await trx.selectFrom('person_lock').selectAll().where('person_id', '=', personId).executeTakeFirst();
        // Locked by a concurrent attempt while this one was hashing: the lock wins.
        if (row?.locked_until && row.locked_until > now.toISOString()) return { kind: 'locked' as const, until: row.locked_until };
        if (ok) {
          if (row && row.failed_count > 0) await trx.updateTable('person_lock').set({ failed_count: 0, locked_until: null }).where('person_id', '=', personId).execute();
          await audit.append(trx, { action: 'pin.accepted', actorId: personId, details: { purpose } });
          return { kind: 'ok' as const };
        }
        const failures = (row?.failed_count ?? 0) + 1;
        const at = now.toISOString();
        const lock = failures >= MAX_PIN_FAILURES ? new Date(now.getTime() + LOCKOUT_MS).toISOString() : null;
        await trx.insertInto('person_lock').values({ person_id: personId, failed_count: lock ? 0 : failures, locked_until: lock, last_failure_at: at })
          .onConflict((oc) => oc.column('person_id').doUpdateSet({ failed_count: lock ? 0 : failures, locked_until: lock, last_failure_at: at })).execute();
        await audit.append(trx, { action: 'pin.failed', actorId: personId, details: { purpose, failures } });
        if (lock) {
          await audit.append(trx, { action: 'person.lockedOut', actorId: personId, details: { purpose, lockedUntil: lock } });
          return { kind: 'locked' as const, until: lock };
        }
        return { kind: 'wrong' as const, attemptsLeft: MAX_PIN_FAILURES - failures };
      });
      if (outcome.kind === 'locked') {
        throw new DomainError('PERSON_LOCKED', `Wrong PIN. ${person.name} is now locked for five minutes (until ${outcome.until}).`, { lockedUntil: outcome.until });
      }
      if (outcome.kind === 'wrong') {
        throw new DomainError('PIN_INCORRECT', `Wrong PIN for ${person.name}: ${outcome.attemptsLeft} ${outcome.attemptsLeft === 1 ? 'try' : 'tries'} left before a five-minute lock.`, { attemptsLeft: outcome.attemptsLeft });
      }
      return { id: person.id, name: person.name, roleId: person.role };
    },

    /**
     * Creates or updates a person; a new one needs a PIN. Audited (never with the PIN). The editor
     * must hold every permission of the person's role before and after (grant-rules.ts): a PIN
     * reset or a deactivation of someone more powerful is as much an escalation as a promotion.
     */
    async save(input: { id?: string; name: string; roleId: string; active: boolean; pin?: string }, grantor: Grantor | null): Promise<Person> {
      const role = await roles.get(input.roleId);
      if (!role) throw new DomainError('NOT_FOUND', `There is no role "${input.roleId}": pick one from the roles list.`);
      if (!input.id && !input.pin) throw new DomainError('INVALID_INPUT', 'A new person needs a PIN of 4 to 8 digits.');
      const pinHash = input.pin ? await hashPin(input.pin) : null;
      const id = await local.withTransaction(async (trx) => {
        const id = input.id ?? deps.ids.next();
        const exists = input.id ? await trx.selectFrom('person').select(['id', 'name', 'role']).where('id', '=', input.id).executeTakeFirst() : undefined;
        if (input.id && !exists) throw new DomainError('NOT_FOUND', 'No person with that id on this till.');
        const what = exists ? `Changing ${exists.name}` : `Adding ${input.name} as ${role.name}`;
        assertMayGrant(grantor, [...(exists ? await roles.permissionsOf(exists.role) : []), ...role.permissions], what);
        const row = { name: input.name, role: input.roleId, active: input.active ? 1 : 0, ...(pinHash ? { pin_hash: pinHash } : {}) };
        if (exists) await trx.updateTable('person').set(row).where('id', '=', id).execute();
        else await trx.insertInto('person').values({ id, pin_hash: pinHash!, ...row }).execute();
        await assertSomeoneManagesPeople(trx, what);
        await audit.append(trx, { action: exists ? 'person.updated' : 'person.created', actorId: grantor?.id ?? null, details: { personId: id, name: input.name, roleId: input.roleId, active: input.active, pinChanged: pinHash !== null } });
        return id;
      });
      return this.get(id);
    },

    async unlock(personId: string, actorId: string | null): Promise<Person> {
      await this.get(personId);
      await local.withTransaction(async (trx) => {
        await trx.deleteFrom('person_lock').where('person_id', '=', personId).execute();
        await audit.append(trx, { action: 'person.unlocked', actorId, details: { personId } });
      });
      return this.get(personId);
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
