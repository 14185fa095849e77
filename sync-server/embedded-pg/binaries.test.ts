import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { binariesUsableBy } from './binaries';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for the package's native/ tree inside a directory only its owner can enter. */
function hiddenNativeTree(): { postgres: string; initdb: string } {
  const checkout = mkdtempSync(join(tmpdir(), 'tillpoint-hidden-'));
  made.push(checkout);
  chmodSync(checkout, 0o700);
  const bin = join(checkout, 'node_modules', 'pkg', 'native', 'bin');
  mkdirSync(bin, { recursive: true });
  mkdirSync(join(checkout, 'node_modules', 'pkg', 'native', 'share'));
  writeFileSync(join(bin, 'postgres'), `postgres ${checkout}`, { mode: 0o755 });
  writeFileSync(join(bin, 'initdb'), 'initdb', { mode: 0o755 });
  writeFileSync(join(checkout, 'node_modules', 'pkg', 'native', 'share', 'postgres.bki'), 'catalog');
  return { postgres: join(bin, 'postgres'), initdb: join(bin, 'initdb') };
}

// An account that owns nothing here, like the `postgres` system user a root process hands over to.
const other = { name: 'nobody', uid: 65_534, gid: 65_534 };

describe('binariesUsableBy', () => {
  it('uses the package binaries as they are when PostgreSQL runs as the current user', async () => {
    const bins = hiddenNativeTree();
    expect(await binariesUsableBy(bins, undefined)).toEqual(bins);
  });

  it('copies the whole native tree where another user can reach it, once, when the checkout is hidden', async () => {
    const bins = hiddenNativeTree();
    const usable = await binariesUsableBy(bins, other);
    made.push(join(usable.postgres, '..', '..'));
    expect(usable.postgres).not.toBe(bins.postgres);
    expect(readFileSync(usable.postgres, 'utf8')).toBe(readFileSync(bins.postgres, 'utf8'));
    expect(existsSync(join(usable.postgres, '..', '..', 'share', 'postgres.bki'))).toBe(true);
    expect(await binariesUsableBy(bins, other)).toEqual(usable);
  });
});
