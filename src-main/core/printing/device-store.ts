import { DeviceConfig } from '../../../src-shared/contract/printing-contract';
import type { LocalStore } from '../db/local-store';
import type { Clock } from '../deps';

/** Persisted device configuration (`device` table, migrations/0003-printing.ts). */
export function createDeviceStore(local: LocalStore, clock: Clock) {
  const parse = (row: { config_json: string }): DeviceConfig => DeviceConfig.parse(JSON.parse(row.config_json));

  return {
    async list(): Promise<DeviceConfig[]> {
      const rows = await local.db.selectFrom('device').select('config_json').orderBy('created_at').orderBy('id').execute();
      return rows.map(parse);
    },

    async get(id: string): Promise<DeviceConfig | undefined> {
      const row = await local.db.selectFrom('device').select('config_json').where('id', '=', id).executeTakeFirst();
      return row ? parse(row) : undefined;
    },

    /** The first enabled receipt printer: where receipts and no-sale kicks go. */
    async defaultPrinter(): Promise<DeviceConfig | undefined> {
      return (await this.list()).find((d) => d.enabled && d.kind === 'receiptPrinter');
    },

    async save(device: DeviceConfig): Promise<DeviceConfig> {
      const valid = DeviceConfig.parse(device);
      const now = clock.now().toISOString();
      await local.db.insertInto('device')
        .values({ id: valid.id, kind: valid.kind, config_json: JSON.stringify(valid), created_at: now, updated_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ kind: valid.kind, config_json: JSON.stringify(valid), updated_at: now }))
        .execute();
      return valid;
    },
  };
}

export type DeviceStore = ReturnType<typeof createDeviceStore>;
