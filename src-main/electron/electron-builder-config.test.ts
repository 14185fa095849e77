import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';

const projectDir = fileURLToPath(new URL('../..', import.meta.url));

/**
 * electron-builder.yml is only read when packaging, which needs the Electron binary we do not
 * have here. This loads it through electron-builder's own loader and schema, so a typo or a
 * misplaced key fails in CI instead of on the release machine.
 */
describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema and keeps the packaging decisions', async () => {
    const config = await getConfig(projectDir, null, null);
    await validateConfiguration(config, new DebugLogger(false));

    expect(config.appId).toBe('app.tillpoint.terminal');
    expect(config.productName).toBe('Tillpoint');
    expect(config.npmRebuild).toBe(true);
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**/*.node']);
    // getConfig normalises `files` into one filter set.
    expect(config.files).toEqual([{ filter: ['dist/**', '!dist/web-host/**', 'package.json'] }]);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.publish).toEqual({ provider: 'generic', url: '${env.POS_UPDATE_URL}' });
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, onlyLoadAppFromAsar: true });
  });
});
