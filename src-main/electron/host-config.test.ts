import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distPaths, isDemo, resolveDataDir } from './host-config';

describe('distPaths', () => {
  it('finds the preload and the renderer beside the bundled main', () => {
    const mainDir = join('/opt', 'tillpoint', 'resources', 'app.asar', 'dist', 'electron');
    expect(distPaths(mainDir)).toEqual({
      rendererDir: join('/opt', 'tillpoint', 'resources', 'app.asar', 'dist', 'renderer'),
      preloadPath: join('/opt', 'tillpoint', 'resources', 'app.asar', 'dist', 'preload', 'preload.cjs'),
    });
  });
});

describe('resolveDataDir', () => {
  it('uses POS_DATA_DIR when set, made absolute', () => {
    expect(resolveDataDir({ POS_DATA_DIR: '/srv/till-2' }, '/home/u/.config/Tillpoint')).toBe(resolve('/srv/till-2'));
    expect(resolveDataDir({ POS_DATA_DIR: 'rel/dir' }, '/home/u/.config/Tillpoint')).toBe(resolve('rel/dir'));
  });

  it('falls back to <userData>/data when unset or blank', () => {
    expect(resolveDataDir({}, '/home/u/.config/Tillpoint')).toBe(join('/home/u/.config/Tillpoint', 'data'));
    expect(resolveDataDir({ POS_DATA_DIR: '  ' }, '/home/u/.config/Tillpoint')).toBe(join('/home/u/.config/Tillpoint', 'data'));
  });
});

describe('isDemo', () => {
  it('is on with POS_DEMO=1 or --demo only', () => {
    expect(isDemo({ POS_DEMO: '1' }, [])).toBe(true);
    expect(isDemo({}, ['electron', '.', '--demo'])).toBe(true);
    expect(isDemo({ POS_DEMO: '0' }, ['electron', '.'])).toBe(false);
    expect(isDemo({}, [])).toBe(false);
  });
});
