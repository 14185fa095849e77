import { sql } from 'kysely';
import { PROTOCOL_VERSION, StreamName, type HelloRequest, type HelloResponse } from '../../src-shared/sync/protocol';
import type { ServerContext } from '../context';
import type { AuthenticatedTerminal } from './terminal-auth';

export interface EpochDecision {
  action: HelloResponse['action'];
  installEpoch: number;
  cloneSuspected: boolean;
}

/**
 * The epoch / replay / clone rules. Inputs: the terminal's epoch E and the highest seq L it holds
 * in E; the highest epoch M the server has seen or issued for this terminal; the highest seq S
 * the server committed from it in E (0 if none).
 *
 * 1. E > M: the terminal moved to a new epoch by itself (reinstall): record E as the new M.
 * 2. E == M and L < S: the server holds events of E the terminal does not: its database is an
 *    old copy (restored from a backup). → `newEpoch` with M + 1, recorded at once, so that two
 *    restored copies can never be handed the same epoch (receipt numbers carry the epoch).
 * 3. E < M: the identity already moved past E (a new epoch was issued, or seen). A device still
 *    on E is an old backup restored again, or a second device running the old history.
 *    → `newEpoch` with M + 1. If it also holds seqs in E the server never received (L > S), it
 *    produced history after the identity moved on: two devices share one identity →
 *    `cloneSuspected`, recorded on the terminal for the central office. Both are kept; nothing
 *    is refused (their events have distinct ids).
 * 4. Otherwise (E == M or after rule 1) and L > S: the server holds fewer events of E than the
 *    terminal. Either they were never pushed, or the server lost them (restored from backup).
 *    The server cannot tell, so it answers `replay`: push every event after S, acknowledged or
 *    not. That costs nothing when they were simply pending, and it heals a restored server;
 *    duplicates are harmless (insert on conflict do nothing).
 * 5. L == S: `ok`.
 * `serverLastSeq` is always S, the server's mark for the epoch the terminal asked about.
 * Clocks never matter here: the offset is recorded, never used to accept or order.
 */
export function decideEpoch(e: number, l: number, m: number, s: number): EpochDecision {
  if (e < m) return { action: 'newEpoch', installEpoch: m + 1, cloneSuspected: l > s };
  if (e === m && l < s) return { action: 'newEpoch', installEpoch: m + 1, cloneSuspected: false };
  return { action: l > s ? 'replay' : 'ok', installEpoch: e, cloneSuspected: false };
}

export async function hello(ctx: ServerContext, terminal: AuthenticatedTerminal, request: HelloRequest): Promise<HelloResponse> {
  const serverTime = ctx.now();
  const clockOffsetMs = Math.round(Date.parse(request.terminalTime) - serverTime.getTime());
  return ctx.db.transaction().execute(async (trx) => {
    // Row lock: two devices with one identity saying hello at once get distinct new epochs.
    const row = await trx.selectFrom('terminals').select(['install_epoch', 'clone_suspected'])
      .where('id', '=', terminal.id).forUpdate().executeTakeFirstOrThrow();
    const seqRow = await trx.selectFrom('terminal_epochs').select('last_seq')
      .where('terminal_id', '=', terminal.id).where('install_epoch', '=', request.installEpoch).executeTakeFirst();
    const s = Number(seqRow?.last_seq ?? 0);
    const m = row.install_epoch;
    const decision = decideEpoch(request.installEpoch, request.lastSeq, m, s);
    const clone = row.clone_suspected || decision.cloneSuspected;
    await trx.updateTable('terminals').set({
      install_epoch: Math.max(m, decision.installEpoch),
      last_seen: serverTime,
      clock_offset_ms: Number.isSafeInteger(clockOffsetMs) ? clockOffsetMs : null,
      app_version: request.appVersion,
      clone_suspected: clone,
    }).where('id', '=', terminal.id).execute();
    if (decision.action === 'newEpoch') {
      await sql`INSERT INTO terminal_epochs (terminal_id, install_epoch, last_seq) VALUES (${terminal.id}, ${decision.installEpoch}, 0)
        ON CONFLICT DO NOTHING`.execute(trx);
    }
    // Always about the epoch the terminal asked for, so after `newEpoch` it knows which of its
    // events the server lacks; it may push them in either epoch (event ids decide duplicates).
    const serverLastSeq = s;
    return {
      protocol: PROTOCOL_VERSION,
      serverTime: serverTime.toISOString(),
      clockOffsetMs,
      storeId: terminal.storeId,
      serverLastSeq,
      action: decision.action,
      installEpoch: decision.installEpoch,
      cloneSuspected: clone,
      streams: [...StreamName.options],
    };
  });
}
