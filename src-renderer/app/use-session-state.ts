import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SessionState } from '../../src-shared/domain/people';
import type { ControlSettings } from '../../src-shared/domain/settings';
import type { Client } from '../transport/client';
import type { SessionApi } from './session-context';

type Loaded = { session: SessionState; settings: ControlSettings };

/**
 * The session and control settings, loaded at boot and kept current: every session call answers
 * with the new `SessionState`, which replaces what is shown. `null` until the first answer.
 */
export function useSessionState(client: Client): { api: SessionApi | null; error: string | null; retry(): Promise<void> } {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [signInRequested, setSignInRequested] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const [session, settings] = await Promise.all([client.call('session.current', {}), client.call('control.settings', {})]);
      setLoaded({ session, settings });
      setError(null);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }, [client]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const apply = useCallback((session: SessionState) => {
    setLoaded((current) => (current ? { ...current, session } : current));
    if (session.state === 'active') setSignInRequested(false);
  }, []);

  const api = useMemo<SessionApi | null>(() => {
    if (!loaded) return null;
    const run = (method: 'session.lock' | 'session.signOut' | 'admin.leave') => async () => {
      apply(await client.call(method, {}));
    };
    return {
      ...loaded,
      apply,
      refresh,
      lock: run('session.lock'),
      signOut: async () => {
        await run('session.signOut')();
        setSignInRequested(false);
      },
      leaveAdmin: run('admin.leave'),
      signInRequested,
      requestSignIn: () => setSignInRequested(true),
      cancelSignIn: () => setSignInRequested(false),
    };
  }, [loaded, apply, refresh, client, signInRequested]);

  return { api, error, retry: refresh };
}
