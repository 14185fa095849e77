import { useEffect, useState } from 'react';
import { Permission, type Role } from '../../src-shared/domain/people';
import { useApp } from '../app/app-context';
import { shownError, type ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { effectivePermissions, holdsAll, useSession } from '../app/session-context';

/** Admin → Roles: permissions per role as a grid of checkboxes; Save writes the roles that changed (`roles.save`, audited). */
export function RolesAdmin() {
  const { client, t } = useApp();
  const session = useSession();
  const [saved, setSaved] = useState<Role[]>([]);
  const [roles, setRoles] = useState<Role[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  useEffect(() => {
    client.call('roles.list', {}).then((r) => { setSaved(r); setRoles(r); }, (failure: unknown) => setError(shownError(failure, t)));
  }, [client, t]);

  // Offer only what the core accepts (core/people/grant-rules.ts): a permission the admin holds, on
  // a role that holds no more than they do. Null: nobody signed in, nothing to hold back.
  const held = effectivePermissions(session.session);
  const editable = (role: Role, permission: Permission) => holdsAll(held, [permission, ...(saved.find((s) => s.id === role.id)?.permissions ?? [])]);
  const someLocked = held !== null && roles.some((role) => Permission.options.some((p) => !editable(role, p)));

  const toggle = (roleId: string, permission: Permission) =>
    setRoles((current) => current.map((role) => (role.id !== roleId ? role : {
      ...role,
      permissions: role.permissions.includes(permission) ? role.permissions.filter((p) => p !== permission) : [...role.permissions, permission],
    })));

  const save = async () => {
    setNotice(null);
    setError(null);
    try {
      const changed = roles.filter((role) => JSON.stringify([...role.permissions].sort()) !== JSON.stringify([...(saved.find((s) => s.id === role.id)?.permissions ?? [])].sort()));
      const results: Role[] = [];
      for (const role of changed) results.push(await client.call('roles.save', role));
      const next = roles.map((role) => results.find((r) => r.id === role.id) ?? role);
      setSaved(next);
      setRoles(next);
      setNotice(t('roles.saved'));
      // The admin's own permissions may have changed: the screens follow at once.
      await session.refresh();
    } catch (failure) {
      setError(shownError(failure, t));
    }
  };

  return (
    <section className="page-card" data-testid="roles-admin">
      <h2>{t('admin.tab.roles')}</h2>
      {someLocked && <p className="muted" data-testid="roles-only-held">{t('roles.onlyHeld')}</p>}
      <table className="admin-table roles-grid">
        <thead>
          <tr>
            <th scope="col">{t('roles.permission')}</th>
            {roles.map((role) => <th key={role.id} scope="col">{role.name}</th>)}
          </tr>
        </thead>
        <tbody>
          {Permission.options.map((permission) => (
            <tr key={permission}>
              <th scope="row">
                {t(`permission.${permission}`)} <small className="muted">{permission}</small>
              </th>
              {roles.map((role) => (
                <td key={role.id}>
                  <input
                    type="checkbox"
                    className="grid-check"
                    checked={role.permissions.includes(permission)}
                    disabled={!editable(role, permission)}
                    aria-label={`${role.name}: ${t(`permission.${permission}`)}`}
                    onChange={() => toggle(role.id, permission)}
                    data-testid={`role-${role.id}-${permission}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {notice && <p role="status" className="notice">{notice}</p>}
      <ErrorNote error={error} />
      <div className="page-actions">
        <button type="button" className="button button-primary" onClick={() => void save()} data-testid="roles-save">{t('roles.save')}</button>
      </div>
    </section>
  );
}
