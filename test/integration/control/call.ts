import { expect } from 'vitest';
import type { ErrorCode, ErrorInfo, InputOf, Method, OutputOf } from '../../../src-shared/contract';
import { silentLogger } from '../../../src-main/core/deps';
import { dispatch } from '../../../src-main/rpc/dispatch';
import type { CoreFixture } from '../../support/core-fixture';

/** Calls a method the way both hosts do (parse, gate, handler, envelope). */
export async function call<M extends Method>(fx: CoreFixture, method: M, input: InputOf<M>) {
  return dispatch(fx.core.handlers, method, input, { logger: silentLogger, validateOutput: true });
}

export async function ok<M extends Method>(fx: CoreFixture, method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const result = await call(fx, method, input);
  if (!result.ok) throw new Error(`${method} refused: ${result.error.code} ${result.error.message}`);
  return result.value as OutputOf<M>;
}

export async function refused<M extends Method>(fx: CoreFixture, method: M, input: InputOf<M>, code: ErrorCode): Promise<ErrorInfo> {
  const result = await call(fx, method, input);
  expect(result.ok, `${method} should have been refused with ${code}`).toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result.error.code, result.error.message).toBe(code);
  return result.error;
}

/** The audit entries with this action, oldest first. */
export function auditOf(fx: CoreFixture, action: string): Array<{ seq: number; actor_id: string | null; details: Record<string, unknown> }> {
  return (fx.local.sqlite.prepare('SELECT seq, actor_id, details_json FROM audit_entry WHERE action = ? ORDER BY seq').all(action) as Array<{ seq: number; actor_id: string | null; details_json: string }>)
    .map((row) => ({ seq: row.seq, actor_id: row.actor_id, details: JSON.parse(row.details_json) as Record<string, unknown> }));
}
