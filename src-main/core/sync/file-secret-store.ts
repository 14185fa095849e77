import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertSecretName, type SecretStore } from './secret-store';

/**
 * The web host's secret store: `<dataDir>/secrets/<name>`, the folder mode 0700 and each file
 * mode 0600 (owner read/write only), written to a temp file and renamed so a crash never leaves
 * half a secret. This protects against other local users, not against the terminal's own OS
 * account or root — that needs an OS keychain (the Electron host uses safeStorage). On Windows
 * the POSIX modes are ignored and the folder's inherited ACL applies
 * (https://nodejs.org/api/fs.html#fschmodpath-mode-callback).
 */
export function createFileSecretStore(dir: string): SecretStore {
  const fileOf = (name: string) => {
    assertSecretName(name);
    return path.join(dir, name);
  };

  return {
    async get(name) {
      try {
        return await fs.readFile(fileOf(name), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async set(name, value) {
      const file = fileOf(name);
      await fs.mkdir(dir, { recursive: true, mode: 0o700 });
      await fs.chmod(dir, 0o700);
      const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      // `wx` refuses to follow a planted file or symlink; the mode is set at creation, so the
      // secret is never readable by others, not even for a moment.
      const handle = await fs.open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(value, 'utf8');
        await handle.chmod(0o600); // the umask may have removed bits, never added: make it exact
        await handle.sync();
      } finally {
        await handle.close();
      }
      try {
        await fs.rename(temp, file);
      } catch (error) {
        await fs.rm(temp, { force: true });
        throw error;
      }
    },
    async delete(name) {
      await fs.rm(fileOf(name), { force: true });
    },
  };
}
