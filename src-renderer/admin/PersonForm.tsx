import { useState } from 'react';
import type { Person, Role } from '../../src-shared/domain/people';
import { useApp } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { Modal } from '../components/Modal';

/** Adds a person (a PIN is required) or edits one (an empty PIN keeps the current one). */
export function PersonForm({ person, roles, mayAssign, onClose, onSaved }: {
  person: Person | null;
  roles: readonly Role[];
  /** Whether the admin may give this role (they hold all its permissions); others are listed but disabled. */
  mayAssign(roleId: string): boolean;
  onClose(): void;
  onSaved(person: Person): void;
}) {
  const { client, t } = useApp();
  const [name, setName] = useState(person?.name ?? '');
  const [roleId, setRoleId] = useState(person?.roleId ?? roles.find((role) => mayAssign(role.id))?.id ?? 'cashier');
  const [active, setActive] = useState(person?.active ?? true);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (busy) return;
    if (name.trim() === '') return setError({ code: 'INVALID_INPUT', message: t('people.name'), detail: '' });
    if ((person === null || pin !== '') && !/^\d{4,8}$/.test(pin)) return setError({ code: 'INVALID_INPUT', message: t('pin.hint'), detail: '' });
    setBusy(true);
    try {
      const saved = await client.call('people.save', { ...(person ? { id: person.id } : {}), name: name.trim(), roleId, active, ...(pin ? { pin } : {}) });
      onSaved(saved);
    } catch (failure) {
      setError(shownError(failure, t));
      setBusy(false);
    }
  };

  return (
    <Modal
      title={person ? `${t('people.edit')}: ${person.name}` : t('people.add')}
      onClose={onClose}
      testId="person-form"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>{t('people.cancel')}</button>
          <button type="button" className="button button-primary" disabled={busy} onClick={() => void save()} data-testid="person-save">{t('people.save')}</button>
        </>
      }
    >
      <label className="field-label" htmlFor="person-name">{t('people.name')}</label>
      <input id="person-name" className="text-field text-field-small" data-autofocus="" maxLength={60} value={name} onChange={(e) => setName(e.target.value)} data-testid="person-name" />
      <label className="field-label" htmlFor="person-role">{t('people.role')}</label>
      <select id="person-role" className="text-field text-field-small" value={roleId} onChange={(e) => setRoleId(e.target.value)} data-testid="person-role">
        {roles.map((role) => <option key={role.id} value={role.id} disabled={!mayAssign(role.id)}>{role.name}</option>)}
      </select>
      <label className="choice">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} data-testid="person-active" />
        {t('people.active')}
      </label>
      <label className="field-label" htmlFor="person-pin">{t(person ? 'people.newPin' : 'people.pinRequired')}</label>
      <input id="person-pin" className="text-field text-field-small" type="password" inputMode="numeric" autoComplete="off" maxLength={8} value={pin} onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))} data-testid="person-pin" />
      <ErrorNote error={error} testId="person-error" />
    </Modal>
  );
}
