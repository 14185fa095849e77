import { z } from 'zod';
import { AuditEntry, AuditVerification } from '../domain/audit';
import { Permission, Person, Pin, Role, RoleId, SessionState, SignInChoice } from '../domain/people';
import { ControlSettings, ReasonCode } from '../domain/settings';
import { id, none } from './common';

/** A one-time token from `override.approve`; a protected call carries it when retried. */
export const OverrideToken = z.string().min(16).max(128);

/** What an override is bound to: the `context` that `PERMISSION_REQUIRED` named in its details. */
export const OverrideContext = z.record(z.string().max(40), z.union([z.string().max(200), z.number().int().safe(), z.boolean(), z.null()]))
  .refine((record) => Object.keys(record).length <= 10, 'an override context has at most 10 fields');
export type OverrideContext = z.infer<typeof OverrideContext>;

const signIn = z.object({ personId: id, pin: Pin }).strict();

/**
 * Sign-in, the terminal's session, manager override and admin mode (issue 4). A till has one
 * session; a protected call without the permission fails with `PERMISSION_REQUIRED` whose
 * details say `{ permission, context }`: ask a permitted person for `override.approve` and
 * retry the call with the `overrideToken`.
 */
export const peopleContract = {
  /** The sign-in picker: active people, names and ids only. Needs no session. */
  'people.listForSignIn': { input: none, output: z.array(SignInChoice) },
  /** The session: `signedOut`, `locked` (only who; nothing else shows) or `active`. Needs no session. */
  'session.current': { input: none, output: SessionState },
  /**
   * Signs a person in with their PIN (also unlocks a locked session, or switches cashier: the
   * cart stays). `PIN_INCORRECT` with `details.attemptsLeft`; the fifth wrong PIN in a row locks
   * that person for five minutes (`PERSON_LOCKED`, `details.lockedUntil`), surviving a restart.
   */
  'session.signIn': { input: signIn, output: SessionState },
  /** Locks the session now (the cart is kept); `session.signIn` unlocks it. */
  'session.lock': { input: none, output: SessionState },
  'session.signOut': { input: none, output: SessionState },
  /** Activity from the UI (keys, touches), so the core's idle lock agrees with the screen. `SESSION_LOCKED` once idle. */
  'session.touch': { input: none, output: SessionState },
  /** A person with an admin permission enters admin mode over the current session. */
  'admin.enter': { input: signIn, output: SessionState },
  /** Back to the till, with the session's own permissions. */
  'admin.leave': { input: none, output: SessionState },
  /**
   * A permitted person approves one protected action: their PIN (wrong PINs count towards their
   * lockout) and a reason code. Returns a token for exactly that permission and context, valid
   * once, for two minutes, for the person who asked. Both people and the reason go to the audit log.
   */
  'override.approve': {
    input: z.object({ permission: Permission, approverId: id, pin: Pin, reasonCode: ReasonCode, context: OverrideContext }).strict(),
    output: z.object({ overrideToken: OverrideToken, expiresAt: z.string(), approver: SignInChoice }),
  },
  /** Everyone with role and lockout state (`people`). */
  'people.list': { input: none, output: z.array(Person) },
  /** Creates (no `id`; `pin` required) or updates a person (`people`). The PIN is stored as a scrypt hash. */
  'people.save': {
    input: z.object({
      id: id.optional(), name: z.string().trim().min(1).max(60), roleId: RoleId, active: z.boolean().default(true), pin: Pin.optional(),
    }).strict(),
    output: Person,
  },
  /** Clears a person's wrong-PIN lockout (`people`). */
  'people.unlock': { input: z.object({ personId: id }).strict(), output: Person },
  'roles.list': { input: none, output: z.array(Role) },
  /** Creates or replaces a role's name and permissions (`people`). */
  'roles.save': { input: Role.strict(), output: Role },
  /** The people, cash and control settings (nothing private: the UI needs the idle time). */
  'control.settings': { input: none, output: ControlSettings },
  /** Changes some of them (`settings`); audited with the old and new values. */
  'control.updateSettings': { input: ControlSettings.partial().strict(), output: ControlSettings },
  /** The newest audit entries, newest first (`reports`). */
  'audit.list': {
    input: z.object({ limit: z.number().int().min(1).max(200).default(50), beforeSeq: z.number().int().positive().optional() }).strict(),
    output: z.array(AuditEntry),
  },
  /** Checks the audit chain and the sale chain (`reports`), like `npm run audit:verify`. */
  'audit.verify': { input: none, output: AuditVerification },
} as const;
