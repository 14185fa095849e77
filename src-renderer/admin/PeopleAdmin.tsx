import { useCallback, useEffect, useState } from 'react';
import type { Person, Role } from '../../src-shared/domain/people';
import { useApp } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { effectivePermissions, holdsAll, useSession } from '../app/session-context';
import { PersonForm } from './PersonForm';

/** Admin → People: everyone on this till with role, active and lockout state; add, edit, unlock. */
export function PeopleAdmin() {
  const { client, t, dateTime } = useApp();
  const [people, setPeople] = useState<Person[]>([]);
  const [roles, setRoles] = useState<Role[]>([]);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  const load = useCallback(async () => {
    try {
      const [p, r] = await Promise.all([client.call('people.list', {}), client.call('roles.list', {})]);
      setPeople(p);
      setRoles(r);
    } catch (failure) {
      setError(shownError(failure, t));
    }
  }, [client, t]);
  useEffect(() => {
    void load();
  }, [load]);

  const unlock = async (person: Person) => {
    try {
      await client.call('people.unlock', { personId: person.id });
      await load();
    } catch (failure) {
      setError(shownError(failure, t));
    }
  };
  const roleName = (id: string) => roles.find((r) => r.id === id)?.name ?? id;
  // Someone whose role holds more than the admin is not theirs to edit (core/people/grant-rules.ts).
  const held = effectivePermissions(useSession().session);
  const within = (roleId: string) => holdsAll(held, roles.find((r) => r.id === roleId)?.permissions ?? []);

  return (
    <section className="page-card" data-testid="people-admin">
      <h2>{t('admin.tab.people')}</h2>
      {notice && <p role="status" className="notice">{notice}</p>}
      <ErrorNote error={error} />
      <table className="admin-table">
        <thead>
          <tr><th scope="col">{t('people.name')}</th><th scope="col">{t('people.role')}</th><th scope="col">{t('people.active')}</th><th /></tr>
        </thead>
        <tbody>
          {people.map((person) => {
            const locked = person.lockedUntil !== null && new Date(person.lockedUntil) > new Date();
            return (
              <tr key={person.id} data-testid="people-row" data-person-id={person.id}>
                <td>{person.name}</td>
                <td>{roleName(person.roleId)}</td>
                <td>
                  {t(person.active ? 'people.active' : 'people.inactive')}
                  {locked && <span className="warning-text" data-testid="people-locked"> · {t('people.locked', { time: dateTime(new Date(person.lockedUntil!)) })}</span>}
                </td>
                <td className="row-actions">
                  {locked && <button type="button" className="button" onClick={() => void unlock(person)} data-testid="people-unlock">{t('people.unlock')}</button>}
                  <button
                    type="button"
                    className="button"
                    disabled={!within(person.roleId)}
                    title={within(person.roleId) ? undefined : t('people.aboveYou')}
                    onClick={() => setEditing(person)}
                    data-testid="people-edit"
                  >
                    {t('people.edit')}
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="page-actions">
        <button type="button" className="button button-primary" onClick={() => setEditing('new')} data-testid="people-add">{t('people.add')}</button>
      </div>
      {editing && (
        <PersonForm
          person={editing === 'new' ? null : editing}
          roles={roles}
          mayAssign={within}
          onClose={() => setEditing(null)}
          onSaved={(saved) => { setEditing(null); setNotice(t('people.saved', { name: saved.name })); void load(); }}
        />
      )}
    </section>
  );
}
