import { randomBytes } from 'node:crypto';
import { DomainError } from '../../../src-shared/contract';
import type { OverrideContext } from '../../../src-shared/contract/people-contract';
import { canonicalJson } from '../../../src-shared/audit/canonical-json';
import type { Permission, SignInChoice } from '../../../src-shared/domain/people';
import type { AuditLog } from '../audit/audit-log';
import type { Clock, IdGenerator } from '../deps';
import type { PeopleService } from './people-service';
import type { RoleStore } from './role-store';

/** How long an approval waits for its action: long enough to retry, too short to reuse later. */
export const OVERRIDE_TTL_MS = 2 * 60 * 1000;

interface PendingOverride {
  id: string;
  permission: Permission;
  contextKey: string;
  requesterId: string | null;
  approver: SignInChoice;
  reasonCode: string;
  expiresAtMs: number;
}

export interface OverrideGrant {
  overrideId: string;
  approverId: string;
  approverName: string;
  reasonCode: string;
}

/**
 * Manager override: a permitted person approves one protected action with their PIN and a reason
 * code; the result is a random one-time token bound to the permission, the action's context and
 * the person who asked (the retried call may carry it, or find it by exactly that binding). Tokens live in memory only (a restart voids them; they last two minutes).
 */
export function createOverrideService(deps: { clock: Clock; ids: IdGenerator; people: PeopleService; roles: RoleStore; audit: AuditLog }) {
  const { clock, ids, people, roles, audit } = deps;
  const pending = new Map<string, PendingOverride>();

  function sweep(nowMs: number): void {
    for (const [token, entry] of pending) if (entry.expiresAtMs <= nowMs) pending.delete(token);
  }

  return {
    async approve(input: { permission: Permission; approverId: string; pin: string; reasonCode: string; context: OverrideContext }, requesterId: string | null) {
      const approver = await people.verify(input.approverId, input.pin, 'override');
      if (!(await roles.permissionsOf(approver.roleId)).includes(input.permission)) {
        throw new DomainError('PERMISSION_REQUIRED', `${approver.name} may not approve "${input.permission}" either: ask someone who has that permission.`, { permission: input.permission, context: input.context });
      }
      const nowMs = clock.now().getTime();
      sweep(nowMs);
      const token = randomBytes(24).toString('base64url');
      const entry: PendingOverride = {
        id: ids.next(), permission: input.permission, contextKey: canonicalJson(input.context), requesterId,
        approver: { id: approver.id, name: approver.name }, reasonCode: input.reasonCode, expiresAtMs: nowMs + OVERRIDE_TTL_MS,
      };
      await audit.record({
        action: 'override.approved', actorId: requesterId,
        details: { overrideId: entry.id, permission: input.permission, context: input.context, requesterId, approverId: approver.id, reasonCode: input.reasonCode },
      });
      pending.set(token, entry);
      return { overrideToken: token, expiresAt: new Date(entry.expiresAtMs).toISOString(), approver: entry.approver };
    },

    /**
     * Uses an approval once. With a token: that approval, which must be for `permission`, this
     * exact context and this requester (`OVERRIDE_INVALID` says which part is wrong). Without
     * one: the pending approval for exactly that permission, context and requester, if any — so a
     * retried call whose input has no `overrideToken` field (checkout, printing) still proceeds.
     */
    consume(permission: Permission, context: OverrideContext, requesterId: string | null, token?: string): OverrideGrant | null {
      const nowMs = clock.now().getTime();
      sweep(nowMs);
      const contextKey = canonicalJson(context);
      let key = token;
      if (token === undefined) {
        key = [...pending].find(([, e]) => e.permission === permission && e.contextKey === contextKey && e.requesterId === requesterId)?.[0];
        if (key === undefined) return null;
      }
      const entry = pending.get(key!);
      if (!entry) throw new DomainError('OVERRIDE_INVALID', 'That approval has expired or was already used: ask for the approval again.');
      if (entry.permission !== permission) throw new DomainError('OVERRIDE_INVALID', `That approval was for "${entry.permission}", not "${permission}".`);
      if (entry.contextKey !== contextKey) throw new DomainError('OVERRIDE_INVALID', 'That approval was for a different action (other amount, sale or line): ask for it again.');
      if (entry.requesterId !== requesterId) throw new DomainError('OVERRIDE_INVALID', 'That approval was given to another person at the till.');
      pending.delete(key!);
      return { overrideId: entry.id, approverId: entry.approver.id, approverName: entry.approver.name, reasonCode: entry.reasonCode };
    },
  };
}

export type OverrideService = ReturnType<typeof createOverrideService>;
