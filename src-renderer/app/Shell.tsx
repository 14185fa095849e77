import type { ReactNode } from 'react';
import { AdminScreen } from '../admin/AdminScreen';
import { LockScreen } from '../people/LockScreen';
import { SignInScreen } from '../people/SignInScreen';
import { useApp } from './app-context';
import { Header } from './Header';
import { useSession } from './session-context';
import { Till } from './Till';
import { useIdleLock } from './use-idle-lock';

/**
 * The till's modes, from the session the core reports:
 * - `locked` → the lock screen (nothing private shows; the cart waits in the database);
 * - signed out where sign-in is required, or a switch of cashier asked for → sign-in;
 * - a manager in admin mode → admin screens;
 * - otherwise the till (sale, returns, cash).
 */
export function Shell() {
  const { client } = useApp();
  const session = useSession();
  const state = session.session;
  useIdleLock({
    active: state.state === 'active',
    idleSeconds: session.settings.idleLockSeconds,
    onIdle: () => void session.lock(),
    touch: () => void client.call('session.touch', {}).then(session.apply, () => undefined),
  });

  if (state.state === 'locked') return <Frame><LockScreen /></Frame>;
  if (session.signInRequested || (state.state === 'signedOut' && state.requireSignIn)) return <Frame><SignInScreen /></Frame>;
  if (state.state === 'active' && state.admin) {
    return (
      <div className="app">
        <Header mode="admin" />
        <AdminScreen />
      </div>
    );
  }
  return <Till />;
}

function Frame({ children }: { children: ReactNode }) {
  return (
    <div className="app">
      <Header mode="public" />
      {children}
    </div>
  );
}
