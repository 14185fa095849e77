import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../rpc/dispatch';
import { bootCore } from '../boot';
import { silentLogger } from '../deps';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tillpoint-blank-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
// A port nothing listens on: enrollment gets as far as the network, and no further.
const enroll = { serverUrl: 'http://127.0.0.1:9/', code: 'ABCDEF-123456', terminalName: 'Till 1' };

describe('a terminal started without --demo on an empty data directory', () => {
  it('starts with a placeholder identity and an empty catalog, the same one after a restart', async () => {
    const dataDir = tempDir();
    const core = await bootCore({ dataDir, appVersion: 'test', demo: false, logger: silentLogger });
    const info = await core.handlers['app.info']({});
    expect(info.store.name).toBe('Not enrolled');
    expect(info.catalog.products).toBe(0);
    await core.close();
    const again = await bootCore({ dataDir, appVersion: 'test', demo: false, logger: silentLogger });
    expect((await again.handlers['app.info']({})).terminal.id).toBe(info.terminal.id);
    await again.close();
  });

  it('may enroll without signing in while nobody could sign in; a till with people needs the settings permission', async () => {
    const blank = await bootCore({ dataDir: tempDir(), appVersion: 'test', demo: false, logger: silentLogger });
    const fresh = await dispatch(blank.handlers, 'sync.enroll', enroll, { logger: silentLogger });
    expect(fresh).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE' } });
    await blank.close();

    const demo = await bootCore({ dataDir: tempDir(), appVersion: 'test', demo: true, logger: silentLogger });
    const refused = await dispatch(demo.handlers, 'sync.enroll', enroll, { logger: silentLogger });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(['SESSION_REQUIRED', 'PERMISSION_REQUIRED']).toContain(refused.error.code);
    await demo.close();
  });
});
