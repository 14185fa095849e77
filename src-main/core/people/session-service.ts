import { DomainError } from '../../../src-shared/contract';
import { ADMIN_PERMISSIONS, type Permission, type SessionPerson, type SessionState } from '../../../src-shared/domain/people';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../deps';
import type { SettingsStore } from '../settings/control-settings';
import type { PeopleService, VerifiedPerson } from './people-service';
import type { RoleStore } from './role-store';

interface Session {
  person: VerifiedPerson;
  admin: VerifiedPerson | null;
  signedInAt: string;
  lastActivityMs: number;
  locked: boolean;
}

/** Who acts: the session's person, and whose permissions count (the admin's in admin mode). */
export interface Actor {
  person: VerifiedPerson;
  effective: VerifiedPerson;
}

/**
 * The terminal's one session, in memory: a restart signs everyone out (the cart, in the database,
 * stays). The idle lock is the core's own rule, not only the screen's: once the store's
 * `idleLockSeconds` passed without activity, protected calls fail with `SESSION_LOCKED` until the
 * person (or someone else: a quick switch) signs in again.
 */
export function createSessionService(deps: { clock: Clock; people: PeopleService; roles: RoleStore; settings: SettingsStore; audit: AuditLog }) {
  const { clock, people, roles, settings, audit } = deps;
  let session: Session | null = null;

  async function idleExpired(s: Session): Promise<boolean> {
    const { idleLockSeconds } = await settings.get();
    return clock.now().getTime() - s.lastActivityMs > idleLockSeconds * 1000;
  }

  /** Applies the idle rule: an idle session becomes locked (admin mode ends with it). */
  async function refresh(): Promise<Session | null> {
    if (session && !session.locked && (await idleExpired(session))) {
      session.locked = true;
      session.admin = null;
    }
    return session;
  }

  async function describe(p: VerifiedPerson): Promise<SessionPerson> {
    return { id: p.id, name: p.name, roleId: p.roleId, permissions: await roles.permissionsOf(p.roleId) };
  }

  async function state(): Promise<SessionState> {
    const s = await refresh();
    const { requireSignIn, idleLockSeconds } = await settings.get();
    if (!s) return { state: 'signedOut', requireSignIn };
    if (s.locked) return { state: 'locked', requireSignIn, person: { id: s.person.id, name: s.person.name } };
    return {
      state: 'active', requireSignIn, person: await describe(s.person), admin: s.admin ? await describe(s.admin) : null,
      signedInAt: s.signedInAt, idleLockAt: new Date(s.lastActivityMs + idleLockSeconds * 1000).toISOString(),
    };
  }

  return {
    state,

    async signIn(personId: string, pin: string): Promise<SessionState> {
      const person = await people.verify(personId, pin, 'signIn');
      const previous = session;
      const now = clock.now();
      const resumed = previous?.person.id === person.id;
      session = { person, admin: null, signedInAt: resumed ? previous.signedInAt : now.toISOString(), lastActivityMs: now.getTime(), locked: false };
      await audit.record({ action: resumed ? 'session.unlocked' : 'session.signedIn', actorId: person.id, details: { switchedFrom: !resumed && previous ? previous.person.id : null } });
      return state();
    },

    async lock(): Promise<SessionState> {
      if (session) {
        session.locked = true;
        session.admin = null;
      }
      return state();
    },

    async signOut(): Promise<SessionState> {
      if (session) await audit.record({ action: 'session.signedOut', actorId: session.person.id, details: {} });
      session = null;
      return state();
    },

    async touch(): Promise<SessionState> {
      await this.requireActive();
      return state();
    },

    async enterAdmin(personId: string, pin: string): Promise<SessionState> {
      const person = await people.verify(personId, pin, 'admin');
      const permissions = await roles.permissionsOf(person.roleId);
      if (!permissions.some((p) => ADMIN_PERMISSIONS.includes(p))) {
        throw new DomainError('PERMISSION_REQUIRED', `${person.name} has none of the admin permissions (${ADMIN_PERMISSIONS.join(', ')}).`, { permission: 'settings', context: {} });
      }
      const s = await refresh();
      const now = clock.now();
      if (!s || s.locked) session = { person, admin: person, signedInAt: now.toISOString(), lastActivityMs: now.getTime(), locked: false };
      else {
        s.admin = person;
        s.lastActivityMs = now.getTime();
      }
      await audit.record({ action: 'admin.entered', actorId: person.id, details: { over: s && !s.locked ? s.person.id : null } });
      return state();
    },

    async leaveAdmin(): Promise<SessionState> {
      const s = await refresh();
      if (s?.admin) {
        await audit.record({ action: 'admin.left', actorId: s.admin.id, details: {} });
        s.admin = null;
      }
      return state();
    },

    /**
     * The actor of a protected call, counting the call as activity. `null` only when the store
     * does not require sign-in and nobody is signed in (the demo until the sign-in screen exists).
     */
    async requireActive(): Promise<Actor | null> {
      const s = await refresh();
      if (!s) {
        if (!(await settings.get()).requireSignIn) return null;
        throw new DomainError('SESSION_REQUIRED', 'Nobody is signed in on this till: sign in with your PIN first.');
      }
      if (s.locked) throw new DomainError('SESSION_LOCKED', `The till is locked: ${s.person.name} (or another person) signs in with a PIN to carry on. The cart is kept.`);
      s.lastActivityMs = clock.now().getTime();
      return { person: s.person, effective: s.admin ?? s.person };
    },

    /** The session's person without counting activity or refusing (for records such as drawer openings and the receipt). */
    currentPerson: (): { id: string; name: string } | null => (session && !session.locked ? { id: session.person.id, name: session.person.name } : null),

    async has(actor: Actor, permission: Permission): Promise<boolean> {
      return (await roles.permissionsOf(actor.effective.roleId)).includes(permission);
    },
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
