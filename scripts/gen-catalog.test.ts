import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidGtin } from '../src-shared/barcode/ean';
import { parseGenCatalogArgs } from './gen-catalog';

const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

function run(...args: string[]) {
  return spawnSync(tsx, ['scripts/gen-catalog.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
}

describe('gen:catalog arguments', () => {
  it('accepts a count and a data directory, with defaults for the rest', () => {
    expect(parseGenCatalogArgs(['--products', '1000', '--data', '/tmp/x'])).toEqual({
      ok: true, args: { products: 1000, data: '/tmp/x', fts: 'bulk', batch: 50_000 },
    });
    expect(parseGenCatalogArgs(['--products=5000000', '--data=d', '--fts', 'triggers'])).toMatchObject({ ok: true, args: { products: 5_000_000, fts: 'triggers' } });
  });

  it.each([
    [['--data', 'd'], /--products <n> is required/],
    [['--products', '0', '--data', 'd'], /at least 1/],
    [['--products', '5000001', '--data', 'd'], /at most 5,000,000/],
    [['--products', '1.5', '--data', 'd'], /whole number/],
    [['--products', 'many', '--data', 'd'], /number/],
    [['--products', '10'], /--data <dir> is required/],
    [['--products', '10', '--data', 'd', '--fts', 'fast'], /"bulk" or "triggers"/],
    [['--products', '10', '--data', 'd', '--colour', 'red'], /colour/],
  ])('refuses %j with a clear message', (argv, message) => {
    const result = parseGenCatalogArgs(argv);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(message);
  });
});

describe('gen:catalog command', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-gen-cli-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('exits 2 with the usage on bad input, touching nothing', () => {
    const result = run('--products', '0', '--data', dataDir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/at least 1/);
    expect(result.stderr).toMatch(/usage: npm run gen:catalog/);
    expect(result.stdout).toBe('');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('seeds the demo store, then adds products run after run without collisions', () => {
    const first = run('--products', '1000', '--data', dataDir);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout.trim().split('\n').at(-1) ?? '')).toMatchObject({
      inserted: 1000, firstSku: 'GEN-0000001', lastSku: 'GEN-0001000', totalProducts: 1200, seededDemo: true,
    });
    expect(first.stderr).toMatch(/1,000 \/ 1,000 products/);

    const second = run('--products', '1000', '--data', dataDir);
    expect(second.status, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout.trim().split('\n').at(-1) ?? '')).toMatchObject({
      inserted: 1000, firstSku: 'GEN-0001001', lastSku: 'GEN-0002000', totalProducts: 2200, seededDemo: false,
    });

    const db = new BetterSqlite3(path.join(dataDir, 'terminal.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM product').pluck().get()).toBe(2200);
      expect(db.prepare("SELECT count(DISTINCT sku) FROM product WHERE sku LIKE 'GEN-%'").pluck().get()).toBe(2000);
      expect(db.prepare('SELECT count(*) FROM store').pluck().get()).toBe(1);
      const codes = db.prepare('SELECT code FROM barcode').pluck().all() as string[];
      expect(new Set(codes).size).toBe(2200);
      expect(codes.every((code) => isValidGtin(code))).toBe(true);
    } finally {
      db.close();
    }
  });
});
