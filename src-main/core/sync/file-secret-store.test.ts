import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileSecretStore } from './file-secret-store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('file secret store', () => {
  it('keeps each secret in its own 0600 file in a 0700 folder; get, overwrite, delete', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-secrets-'));
    dirs.push(root);
    const dir = path.join(root, 'secrets');
    const store = createFileSecretStore(dir);
    expect(await store.get('sync-credential-x')).toBeNull();
    await store.set('sync-credential-x', 'first');
    await store.set('sync-credential-x', 's3cret-value');
    expect(await store.get('sync-credential-x')).toBe('s3cret-value');
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(dir, 'sync-credential-x')).mode & 0o777).toBe(0o600);
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    }
    expect(fs.readdirSync(dir)).toEqual(['sync-credential-x']); // no temp files left behind
    await store.delete('sync-credential-x');
    await store.delete('sync-credential-x');
    expect(await store.get('sync-credential-x')).toBeNull();
  });

  it('refuses names that could leave the folder', async () => {
    const store = createFileSecretStore(os.tmpdir());
    for (const name of ['../evil', 'a/b', '', '.hidden', 'UPPER', 'x'.repeat(81)]) {
      await expect(store.set(name, 'v'), name).rejects.toThrow(/Invalid secret name/);
    }
  });
});
