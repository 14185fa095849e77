import { useState } from 'react';
import type { Permission } from '../../src-shared/domain/people';
import { useApp } from '../app/app-context';
import { effectivePermissions, useSession } from '../app/session-context';
import { SyncAdmin } from '../sync/SyncAdmin';
import { DevicesAdmin } from './devices/DevicesAdmin';
import { PeopleAdmin } from './PeopleAdmin';
import { ReportsAdmin } from './ReportsAdmin';
import { RolesAdmin } from './RolesAdmin';
import { SettingsAdmin } from './SettingsAdmin';
import './admin.css';

type Tab = 'people' | 'roles' | 'settings' | 'reports' | 'sync' | 'devices';
/** Settings and sync are readable by any admin (changing them needs `settings`, checked on save). */
const TABS: readonly { tab: Tab; needs: Permission | null }[] = [
  { tab: 'people', needs: 'people' },
  { tab: 'roles', needs: 'people' },
  { tab: 'settings', needs: null },
  { tab: 'reports', needs: 'reports' },
  { tab: 'sync', needs: null },
  // Readable by any admin, like settings; saving a printer needs `settings` (checked by the core).
  { tab: 'devices', needs: null },
];

/**
 * Admin mode (issue 4): a manager's screens on this terminal — people, roles, settings, this
 * terminal's reports, sync. Tabs the admin lacks the permission for are shown disabled (the core
 * refuses those calls anyway). "Back to the till" is in the header.
 * Note: the default manager role has every permission but `settings` (src-shared/domain/people.ts),
 * so a manager sees settings and sync read-only; an administrator changes them.
 */
export function AdminScreen() {
  const { t } = useApp();
  const { session } = useSession();
  const permissions = effectivePermissions(session) ?? [];
  const may = (needs: Permission | null) => needs === null || permissions.includes(needs);
  const allowed = TABS.filter((entry) => may(entry.needs));
  const [tab, setTab] = useState<Tab>(allowed[0]?.tab ?? 'people');

  return (
    <main className="page admin" data-testid="admin-screen">
      <div className="admin-tabs" role="tablist" aria-label={t('admin.title')}>
        {TABS.map(({ tab: id, needs }) => (
          <button
            key={id}
            type="button"
            role="tab"
            className="till-nav-tab"
            aria-selected={tab === id}
            disabled={!may(needs)}
            onClick={() => setTab(id)}
            data-testid={`admin-tab-${id}`}
          >
            {t(`admin.tab.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel">
        {!allowed.some((entry) => entry.tab === tab) ? (
          <p role="alert">{t('admin.noPermission')}</p>
        ) : tab === 'people' ? (
          <PeopleAdmin />
        ) : tab === 'roles' ? (
          <RolesAdmin />
        ) : tab === 'settings' ? (
          <SettingsAdmin />
        ) : tab === 'reports' ? (
          <ReportsAdmin />
        ) : tab === 'devices' ? (
          <DevicesAdmin />
        ) : (
          <SyncAdmin />
        )}
      </div>
    </main>
  );
}
