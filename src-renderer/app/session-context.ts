import { createContext, useContext } from 'react';
import { permissionsNotHeld, type Permission, type SessionState } from '../../src-shared/domain/people';
import type { ControlSettings } from '../../src-shared/domain/settings';

/** The till's session as the core last reported it, and the actions of the header and lock screens. */
export interface SessionApi {
  readonly session: SessionState;
  /** Sign-in, shift and idle-lock rules of the store (`control.settings`). */
  readonly settings: ControlSettings;
  /** Replaces the session with what a call returned (`session.signIn`, `admin.enter` …). */
  apply(state: SessionState): void;
  /** Asks the core again (after `SESSION_LOCKED` / `SESSION_REQUIRED`, or a settings change). */
  refresh(): Promise<void>;
  lock(): Promise<void>;
  signOut(): Promise<void>;
  leaveAdmin(): Promise<void>;
  /** The sign-in screen over the till: a quick switch of cashier, or signing in where it is optional. */
  readonly signInRequested: boolean;
  requestSignIn(): void;
  cancelSignIn(): void;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession must be used inside <SessionContext>');
  return value;
}

/** The permissions that count now: the admin's in admin mode, else the signed-in person's; null when nobody is signed in. */
export function effectivePermissions(session: SessionState): readonly Permission[] | null {
  if (session.state !== 'active') return null;
  return (session.admin ?? session.person).permissions;
}

/**
 * Whether `held` (from `effectivePermissions`) covers every one of `permissions`: what the admin
 * screens may offer (src-main/core/people/grant-rules.ts). Null, nobody signed in: nothing is held back.
 */
export function holdsAll(held: readonly Permission[] | null, permissions: readonly Permission[]): boolean {
  return held === null || permissionsNotHeld(held, permissions).length === 0;
}
