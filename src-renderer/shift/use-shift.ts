import { useCallback, useEffect, useState } from 'react';
import type { Shift } from '../../src-shared/domain/shift';
import { useApp } from '../app/app-context';

/** This till's open shift: `undefined` while loading, `null` when none is open. */
export function useShift(): { current: Shift | null | undefined; set(shift: Shift | null): void; refresh(): Promise<void> } {
  const { client } = useApp();
  const [current, setCurrent] = useState<Shift | null | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      setCurrent(await client.call('shift.current', {}));
    } catch {
      // The session may have ended meanwhile (the shell shows the lock screen); nothing to show here.
      setCurrent(null);
    }
  }, [client]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { current, set: setCurrent, refresh };
}
