import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SyncStatus } from '../../src-shared/contract/sync-contract';
import { useApp } from '../app/app-context';

/** How often the status is asked for besides the pushed events: the pending count and the oldest event's age move on their own. */
const POLL_MS = 5_000;

type SyncState = readonly [SyncStatus | null, (status: SyncStatus) => void];
const Context = createContext<SyncState | null>(null);

/**
 * One sync status for the whole screen (the header's indicator and the admin panel show the same
 * numbers): `sync.status` at start and every 5 s, replaced by every `sync.statusChanged` event and
 * by the answers of `sync.now` / `sync.enroll`.
 */
export function SyncStatusProvider({ children }: { children: ReactNode }) {
  const { client } = useApp();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    const load = () => client.call('sync.status', {}).then((s) => live && setStatus(s), () => undefined);
    void load();
    const timer = window.setInterval(load, POLL_MS);
    const stop = client.on('sync.statusChanged', (s) => live && setStatus(s));
    return () => {
      live = false;
      window.clearInterval(timer);
      stop();
    };
  }, [client]);
  const value = useMemo<SyncState>(() => [status, setStatus], [status]);
  return <Context value={value}>{children}</Context>;
}

/** The shared sync status (`null` until known) and a setter for answers that carry a newer one. */
export function useSyncStatus(): SyncState {
  const value = useContext(Context);
  if (value === null) throw new Error('useSyncStatus must be used inside <SyncStatusProvider>');
  return value;
}
