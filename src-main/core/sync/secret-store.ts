/**
 * Where the terminal keeps secrets (today: the device credential the sync server issued at
 * enrollment). SQLite only stores the secret's NAME, so a copied database or a support dump
 * never carries a working credential.
 *
 * Implementations: `file-secret-store.ts` (web host: one 0600 file per secret) and
 * `../../electron/safe-storage-secret-store.ts` (Electron safeStorage, OS-encrypted).
 */
export interface SecretStore {
  /** The secret, or null when none was stored under `name`. */
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  /** Removes it; removing a missing secret is not an error. */
  delete(name: string): Promise<void>;
}

/** Secret names become file names: keep them boring so no name can escape the folder. */
export const SECRET_NAME = /^[a-z0-9][a-z0-9-]{0,79}$/;

export function assertSecretName(name: string): void {
  if (!SECRET_NAME.test(name)) throw new Error(`Invalid secret name "${name.slice(0, 80)}": use a-z, 0-9 and -`);
}

/** Keeps secrets in memory only: for tests and for a core that must not persist them. */
export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    get: async (name) => secrets.get(name) ?? null,
    set: async (name, value) => {
      assertSecretName(name);
      secrets.set(name, value);
    },
    delete: async (name) => {
      secrets.delete(name);
    },
  };
}
