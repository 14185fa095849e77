import { afterEach, describe, expect, it } from 'vitest';
import { newId } from '../../../src-shared/id';
import { demoCore, type CoreFixture } from '../../../test/support/core-fixture';
import { loadTerminalIdentity } from '../settings/terminal-identity';
import { createAuditLog } from './audit-log';
import { createAuditedDrawerLog } from './audited-drawer-log';
import { verifyAuditChain } from './verify-chains';

let fx: CoreFixture;
afterEach(() => fx.dispose());

describe('audited drawer log', () => {
  it('records every drawer opening in drawer_event and in the audit chain, with the person at the till', async () => {
    fx = await demoCore();
    const ids = { next: newId };
    const audit = createAuditLog({ local: fx.local, clock: fx.clock, ids, identity: await loadTerminalIdentity(fx.local) });
    const log = createAuditedDrawerLog({ local: fx.local, clock: fx.clock, ids, audit, actorId: () => 'person-1' });
    const id = await log.opened({ deviceId: 'printer-1', reason: 'noSale', note: 'change' });
    await log.settled(id, 'failed', 'cover open');
    expect(fx.local.sqlite.prepare('SELECT reason, outcome, error, note FROM drawer_event WHERE id = ?').get(id))
      .toEqual({ reason: 'noSale', outcome: 'failed', error: 'cover open', note: 'change' });
    const entry = fx.local.sqlite.prepare(`SELECT actor_id, details_json FROM audit_entry WHERE action = 'drawer.opened'`).get() as { actor_id: string; details_json: string };
    expect(entry.actor_id).toBe('person-1');
    expect(JSON.parse(entry.details_json)).toEqual({ drawerEventId: id, reason: 'noSale', saleId: null, note: 'change', deviceId: 'printer-1' });
    expect(fx.local.sqlite.prepare(`SELECT count(*) AS n FROM outbox WHERE type = 'audit.recorded'`).get()).toEqual({ n: 1 });
    expect(verifyAuditChain(fx.local.sqlite).ok).toBe(true);
  });
});
