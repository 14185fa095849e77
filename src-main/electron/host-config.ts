import { join, resolve } from 'node:path';

/**
 * Where the bundled files sit relative to the bundled main file. scripts/build.mjs writes
 * `dist/electron/main.cjs`, `dist/preload/preload.cjs` and `dist/renderer/index.html`; inside a
 * packaged app the same tree lives in app.asar.
 */
export interface DistPaths {
  readonly rendererDir: string;
  readonly preloadPath: string;
}

/** `mainDir` is the directory of the running main bundle (`__dirname` of dist/electron/main.cjs). */
export function distPaths(mainDir: string): DistPaths {
  return {
    rendererDir: join(mainDir, '..', 'renderer'),
    preloadPath: join(mainDir, '..', 'preload', 'preload.cjs'),
  };
}

/**
 * The terminal's data directory: `POS_DATA_DIR` when set (tests, a second till on one PC, a
 * data disk), otherwise `<userData>/data` (https://www.electronjs.org/docs/latest/api/app#appgetpathname).
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, userDataPath: string): string {
  const fromEnv = env['POS_DATA_DIR']?.trim();
  return fromEnv ? resolve(fromEnv) : join(userDataPath, 'data');
}

/** Demo mode (seeded catalog, simulated devices) with `POS_DEMO=1` or `--demo`. */
export function isDemo(env: NodeJS.ProcessEnv, argv: readonly string[]): boolean {
  return env['POS_DEMO'] === '1' || argv.includes('--demo');
}
