import { useState } from 'react';
import { useApp } from '../app/app-context';
import { useSession } from '../app/session-context';
import { SignInScreen } from './SignInScreen';

/**
 * The locked till (idle or the Lock button): who locked it and a PIN pad, nothing else — no cart,
 * no totals. The same person unlocks; "Switch cashier" lets another person sign in (the cart stays).
 */
export function LockScreen() {
  const { t } = useApp();
  const { session } = useSession();
  const [switching, setSwitching] = useState(false);
  if (session.state !== 'locked') return null;
  return (
    <div className="lock-screen" data-testid="lock-screen">
      <div className="lock-banner">
        <h1>{t('lock.title')}</h1>
        <p>{t('lock.who', { name: session.person.name })}</p>
        <button type="button" className="button" onClick={() => setSwitching((s) => !s)} data-testid="lock-switch">
          {switching ? t('lock.unlock') : t('lock.switch')}
        </button>
      </div>
      <SignInScreen key={switching ? 'switch' : 'unlock'} preselect={switching ? null : session.person} showTitle={switching} />
    </div>
  );
}
