import { useEffect, useState } from 'react';
import type { SignInChoice } from '../../src-shared/domain/people';
import { useApp } from '../app/app-context';
import type { ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { useSession } from '../app/session-context';
import { Modal } from '../components/Modal';
import { PersonPicker } from './PersonPicker';
import { PIN_MIN, PinEntry } from './PinEntry';
import { pinError } from './pin-error';

/** A manager enters admin mode over the till's session (`admin.enter`): their name and PIN. */
export function AdminEnterDialog({ onClose }: { onClose(): void }) {
  const app = useApp();
  const { client, t } = app;
  const session = useSession();
  const [people, setPeople] = useState<SignInChoice[]>([]);
  const [person, setPerson] = useState<SignInChoice | null>(null);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    client.call('people.listForSignIn', {}).then(setPeople, () => setPeople([]));
  }, [client]);

  const enter = async () => {
    if (!person || busy) return;
    if (pin.length < PIN_MIN) return setError({ code: 'INVALID_INPUT', message: t('pin.tooShort'), detail: '' });
    setBusy(true);
    try {
      const state = await client.call('admin.enter', { personId: person.id, pin });
      onClose();
      session.apply(state);
    } catch (failure) {
      setError(pinError(failure, person.name, app));
      setPin('');
      setBusy(false);
    }
  };

  return (
    <Modal title={t('admin.enterTitle')} onClose={onClose} testId="admin-enter-dialog">
      <p className="muted">{t('admin.enterHint')}</p>
      <PersonPicker people={people} selectedId={person?.id ?? null} onSelect={(p) => { setPerson(p); setPin(''); setError(null); }} label={t('admin.enterTitle')} testId="admin-person" />
      <ErrorNote error={error} testId="admin-enter-error" />
      {person && (
        <PinEntry key={person.id} value={pin} onChange={setPin} onSubmit={() => void enter()} label={t('signIn.pinFor', { name: person.name })} submitLabel={t('session.admin')} testId="admin-pin" />
      )}
    </Modal>
  );
}
