import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { OverrideContext } from '../../src-shared/contract/people-contract';
import { Permission } from '../../src-shared/domain/people';
import { CallError } from '../transport/client';
import { OverrideDialog } from './OverrideDialog';

/** `withOverride` rejects with this when the person at the till closed the approval dialog. */
export class OverrideCancelled extends Error {
  override readonly name = 'OverrideCancelled';
  constructor() {
    super('The manager approval was cancelled.');
  }
}

export interface OverrideRequest {
  readonly permission: Permission;
  readonly context: OverrideContext;
  /** The core's words for what is being approved (English, shown as detail). */
  readonly detail: string;
}

export interface OverrideApi {
  /**
   * Runs `call()`; when the core answers `PERMISSION_REQUIRED` (details `{ permission, context }`),
   * opens the manager approval dialog: a permitted person picks their name, types their PIN and a
   * reason, `override.approve` returns a one-time token, and `call(token)` runs again with it
   * (put it in the input's `overrideToken`). Other errors pass through unchanged; closing the
   * dialog rejects with `OverrideCancelled` (ignore it: nothing happened).
   *
   * ```ts
   * const { withOverride } = useOverride();
   * await withOverride((overrideToken) => client.call('cart.setLineDiscount', { lineId, percentBp, overrideToken }));
   * ```
   */
  withOverride<T>(call: (overrideToken?: string) => Promise<T>): Promise<T>;
}

const Context = createContext<OverrideApi | null>(null);

/** At most this many approvals for one action (a retry may need a second permission, e.g. a variance). */
const MAX_APPROVALS = 3;

function requestOf(error: unknown): OverrideRequest | null {
  if (!(error instanceof CallError) || error.code !== 'PERMISSION_REQUIRED') return null;
  const permission = Permission.safeParse(error.details['permission']);
  if (!permission.success) return null;
  const context = error.details['context'];
  return { permission: permission.data, context: typeof context === 'object' && context !== null ? (context as OverrideContext) : {}, detail: error.message };
}

/** Hosts the approval dialog for every screen under it (App puts it around the shell). */
export function OverrideProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<OverrideRequest | null>(null);
  const settle = useRef<{ resolve(token: string): void; reject(error: Error): void } | null>(null);

  const ask = useCallback(
    (request: OverrideRequest) =>
      new Promise<string>((resolve, reject) => {
        settle.current = { resolve, reject };
        setPending(request);
      }),
    [],
  );

  const withOverride = useCallback(
    async <T,>(call: (overrideToken?: string) => Promise<T>): Promise<T> => {
      let token: string | undefined;
      for (let attempt = 0; ; attempt += 1) {
        try {
          return await call(token);
        } catch (error) {
          const request = requestOf(error);
          if (!request || attempt >= MAX_APPROVALS) throw error;
          token = await ask(request);
        }
      }
    },
    [ask],
  );

  const finish = (outcome: { token: string } | null) => {
    const current = settle.current;
    settle.current = null;
    setPending(null);
    if (outcome) current?.resolve(outcome.token);
    else current?.reject(new OverrideCancelled());
  };

  const api = useMemo<OverrideApi>(() => ({ withOverride }), [withOverride]);
  return (
    <Context value={api}>
      {children}
      {pending && <OverrideDialog request={pending} onApproved={(token) => finish({ token })} onCancel={() => finish(null)} />}
    </Context>
  );
}

/** The manager-override helper (see `OverrideApi.withOverride`). */
export function useOverride(): OverrideApi {
  const value = useContext(Context);
  if (value === null) throw new Error('useOverride must be used inside <OverrideProvider>');
  return value;
}

export const isOverrideCancelled = (error: unknown): error is OverrideCancelled => error instanceof OverrideCancelled;
