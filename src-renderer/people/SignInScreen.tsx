import { useEffect, useState } from 'react';
import type { SignInChoice } from '../../src-shared/domain/people';
import { useApp } from '../app/app-context';
import type { ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { useSession } from '../app/session-context';
import { EnrollForm } from '../sync/EnrollForm';
import { PersonPicker } from './PersonPicker';
import { PIN_MIN, PinEntry } from './PinEntry';
import { pinError } from './pin-error';

/**
 * Who is at the till: tap a name, type the PIN. Also the quick switch of cashier (the cart stays:
 * `session.signIn` over a session replaces the person) and the unlock of the lock screen, where
 * the locked person is chosen already. Shows nothing of the sale in progress.
 */
export function SignInScreen({ preselect = null, showTitle = true }: { preselect?: SignInChoice | null; showTitle?: boolean }) {
  const app = useApp();
  const { client, t } = app;
  const session = useSession();
  const [people, setPeople] = useState<SignInChoice[] | null>(null);
  const [person, setPerson] = useState<SignInChoice | null>(preselect);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    client.call('people.listForSignIn', {}).then(setPeople, () => setPeople([]));
  }, [client]);

  const choose = (next: SignInChoice | null) => {
    setPerson(next);
    setPin('');
    setError(null);
  };

  const submit = async () => {
    if (!person || busy) return;
    if (pin.length < PIN_MIN) return setError({ code: 'INVALID_INPUT', message: t('pin.tooShort'), detail: '' });
    setBusy(true);
    try {
      session.apply(await client.call('session.signIn', { personId: person.id, pin }));
    } catch (failure) {
      setError(pinError(failure, person.name, app));
      setPin('');
    } finally {
      setBusy(false);
    }
  };

  const canLeave = session.session.state === 'active' || (session.session.state === 'signedOut' && !session.session.requireSignIn);
  return (
    <main className="center-screen" data-testid="sign-in-screen">
      <div className="center-card">
        {showTitle && <h1>{t('signIn.title')}</h1>}
        {person === null ? (
          <>
            <p className="muted">{t('signIn.pick')}</p>
            {people !== null && people.length === 0 && (
              <>
                {/* A new till has no people until it is enrolled: the first pull brings the store's staff. */}
                <p role="alert">{t('signIn.noPeople')}</p>
                <EnrollForm onEnrolled={() => void client.call('people.listForSignIn', {}).then(setPeople)} />
              </>
            )}
            <PersonPicker people={people ?? []} selectedId={null} onSelect={choose} label={t('signIn.title')} testId="sign-in-person" />
          </>
        ) : (
          <>
            <ErrorNote error={error} testId="sign-in-error" />
            <PinEntry
              key={person.id}
              value={pin}
              onChange={setPin}
              onSubmit={() => void submit()}
              label={t('signIn.pinFor', { name: person.name })}
              submitLabel={t('signIn.submit')}
              testId="pin-input"
            />
            <button type="button" className="button button-quiet" onClick={() => choose(null)} data-testid="sign-in-other">
              {t('signIn.back')}
            </button>
          </>
        )}
        {canLeave && (
          <button type="button" className="button button-quiet" onClick={session.cancelSignIn} data-testid="sign-in-cancel">
            {t('signIn.skip')}
          </button>
        )}
      </div>
    </main>
  );
}
