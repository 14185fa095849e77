import { newId } from '../../src-shared/id';
import { createCore, type Core } from './create-core';
import { openLocalStore } from './db/open-local-store';
import { systemClock, type Logger } from './deps';
import { seedDemoStore } from './demo/seed-demo-store';

export interface BootOptions {
  dataDir: string;
  appVersion: string;
  /** Seed the demo store into an empty data directory. */
  demo: boolean;
  logger: Logger;
}

/** What both hosts (Electron and the web host) do at start: lock, open, migrate, seed, compose. */
export async function bootCore(options: BootOptions): Promise<Core> {
  const { dataDir, appVersion, demo, logger } = options;
  const clock = systemClock;
  const ids = { next: newId };
  const local = await openLocalStore({ dataDir, appVersion, logger, clock });
  try {
    if (demo) {
      const { seeded } = await seedDemoStore(local, { clock, ids });
      if (seeded) logger.info('demo store seeded', { dataDir });
    }
    return await createCore({ local, clock, ids, logger, appVersion });
  } catch (error) {
    await local.close();
    throw error;
  }
}
