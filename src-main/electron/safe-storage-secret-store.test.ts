import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createSafeStorageSecretStore, SecretStorageUnavailableError, type SafeStorageLike } from './safe-storage-secret-store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-safe-'));
  dirs.push(dir);
  return path.join(dir, 'secrets');
}

/** A stand-in for Electron's safeStorage (no Electron binary in tests): XOR "encryption" + knobs. */
function fakeSafeStorage(available: boolean, backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']>): SafeStorageLike {
  const xor = (buffer: Buffer) => Buffer.from(buffer.map((byte) => byte ^ 0x5a));
  return {
    isAsyncEncryptionAvailable: async () => available,
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: async (text) => xor(Buffer.from(text, 'utf8')),
    decryptStringAsync: async (buffer) => ({ result: xor(buffer).toString('utf8'), shouldReEncrypt: false }),
  };
}

describe('safeStorage secret store', () => {
  it('stores only ciphertext, mode 0600, and reads it back', async () => {
    const dir = tempDir();
    const store = createSafeStorageSecretStore(dir, fakeSafeStorage(true, 'gnome_libsecret'), 'linux');
    await store.set('sync-credential-t1', 'credential-abcdefghijklmnopqrstuvwxyz');
    const file = path.join(dir, 'sync-credential-t1.enc');
    expect(fs.readFileSync(file).includes(Buffer.from('credential-abc'))).toBe(false);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.get('sync-credential-t1')).toBe('credential-abcdefghijklmnopqrstuvwxyz');
    await store.delete('sync-credential-t1');
    expect(await store.get('sync-credential-t1')).toBeNull();
  });

  it('refuses to store when the OS offers no encryption', async () => {
    const dir = tempDir();
    const store = createSafeStorageSecretStore(dir, fakeSafeStorage(false, 'gnome_libsecret'), 'win32');
    await expect(store.set('sync-credential-t1', 'x')).rejects.toBeInstanceOf(SecretStorageUnavailableError);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it("refuses Linux's basic_text backend (a hard-coded key) and the pre-ready 'unknown'", async () => {
    for (const backend of ['basic_text', 'unknown'] as const) {
      const store = createSafeStorageSecretStore(tempDir(), fakeSafeStorage(true, backend), 'linux');
      await expect(store.set('sync-credential-t1', 'x')).rejects.toThrow(/keyring/);
    }
    // Elsewhere the Linux-only backend question does not apply.
    const mac = createSafeStorageSecretStore(tempDir(), fakeSafeStorage(true, 'unknown'), 'darwin');
    await mac.set('sync-credential-t1', 'ok');
    expect(await mac.get('sync-credential-t1')).toBe('ok');
  });
});
