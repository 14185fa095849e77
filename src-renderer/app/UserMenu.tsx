import { useEffect, useRef, useState } from 'react';
import { AdminEnterDialog } from '../people/AdminEnterDialog';
import { useApp } from './app-context';
import { useSession } from './session-context';

/**
 * Who is at the till, the Lock button (one tap when walking away; the cart is kept) and a menu:
 * Switch cashier, Sign out, Admin. In admin mode: who administers and back to the till. Where
 * sign-in is optional and nobody is signed in: Sign in and Admin.
 */
export function UserMenu() {
  const { t } = useApp();
  const session = useSession();
  const [adminOpen, setAdminOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const { session: state } = session;

  useEffect(() => {
    if (!menuOpen) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !root.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', close);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', close);
    };
  }, [menuOpen]);

  const item = (label: string, testId: string, run: () => void) => (
    <button type="button" role="menuitem" className="user-menu-item" onClick={() => { setMenuOpen(false); run(); }} data-testid={testId}>
      {label}
    </button>
  );
  const admin = adminOpen && <AdminEnterDialog onClose={() => setAdminOpen(false)} />;

  if (state.state === 'active' && state.admin) {
    return (
      <div className="user-menu">
        <span className="user-name" data-testid="admin-name">{t('admin.as', { name: state.admin.name })}</span>
        <button type="button" className="button button-header" onClick={() => void session.leaveAdmin()} data-testid="admin-leave">
          {t('admin.leave')}
        </button>
      </div>
    );
  }
  if (state.state !== 'active') {
    return (
      <div className="user-menu">
        <button type="button" className="button button-quiet" onClick={() => setAdminOpen(true)} data-testid="admin-button">{t('session.admin')}</button>
        <button type="button" className="button button-header" onClick={session.requestSignIn} data-testid="sign-in-button">{t('session.signIn')}</button>
        {admin}
      </div>
    );
  }
  return (
    <div className="user-menu" ref={root}>
      <button type="button" className="button button-header user-name" aria-haspopup="menu" aria-expanded={menuOpen} onClick={() => setMenuOpen((open) => !open)} data-testid="session-person">
        {state.person.name}
      </button>
      <button type="button" className="button button-header" onClick={() => void session.lock()} data-testid="lock-button">
        {t('session.lock')}
      </button>
      {menuOpen && (
        <div className="user-menu-list" role="menu" aria-label={t('session.menu', { name: state.person.name })}>
          {item(t('session.switch'), 'switch-button', session.requestSignIn)}
          {item(t('session.admin'), 'admin-button', () => setAdminOpen(true))}
          {item(t('session.signOut'), 'sign-out-button', () => void session.signOut())}
        </div>
      )}
      {admin}
    </div>
  );
}
