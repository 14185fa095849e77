import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { assertSecretName, type SecretStore } from '../core/sync/secret-store';

/** The part of Electron's `safeStorage` this store uses (a fake in tests: no Electron binary there). */
export type SafeStorageLike = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

/** Thrown instead of storing a secret the OS would not really protect. */
export class SecretStorageUnavailableError extends Error {
  override readonly name = 'SecretStorageUnavailableError';
}

/**
 * The Electron host's secret store: each secret is encrypted with `safeStorage` (DPAPI on Windows,
 * the Keychain on macOS, libsecret/kwallet on Linux) and the ciphertext written to
 * `<dir>/<name>.enc` with mode 0600. https://www.electronjs.org/docs/latest/api/safe-storage
 *
 * It refuses to store when encryption is unavailable, and on Linux when the selected backend is
 * `basic_text` (no keyring found: Chromium then uses a hard-coded password, which is obfuscation,
 * not protection) or `unknown` (called before the app is ready). The async API is used because
 * Electron 45 deprecates the synchronous `encryptString`/`decryptString`; data written by either
 * decrypts with the other. Must be used after `app.whenReady()`.
 */
export function createSafeStorageSecretStore(dir: string, storage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretStore {
  const fileOf = (name: string) => {
    assertSecretName(name);
    return path.join(dir, `${name}.enc`);
  };

  async function assertProtected(): Promise<void> {
    if (!(await storage.isAsyncEncryptionAvailable())) {
      throw new SecretStorageUnavailableError('The operating system offers no encryption for secrets here (safeStorage unavailable); the credential was not stored.');
    }
    if (platform === 'linux') {
      const backend = storage.getSelectedStorageBackend();
      if (backend === 'basic_text' || backend === 'unknown') {
        throw new SecretStorageUnavailableError(
          `No desktop keyring is available (safeStorage backend "${backend}"), so the credential would be stored as obfuscated plain text; ` +
            'install and unlock a keyring (GNOME Keyring, KWallet) or use --password-store=gnome-libsecret.',
        );
      }
    }
  }

  return {
    async get(name) {
      let encrypted: Buffer;
      try {
        encrypted = await fs.readFile(fileOf(name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      const { result } = await storage.decryptStringAsync(encrypted);
      return result;
    },
    async set(name, value) {
      const file = fileOf(name);
      await assertProtected();
      const encrypted = await storage.encryptStringAsync(value);
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      const handle = await fs.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(encrypted);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await fs.rename(temp, file);
    },
    async delete(name) {
      await fs.rm(fileOf(name), { force: true });
    },
  };
}
