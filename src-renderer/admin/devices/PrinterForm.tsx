import { useState } from 'react';
import { DeviceConfig, DrawerSensor, PrinterCodePage, PrinterTransportType } from '../../../src-shared/contract/printing-contract';
import { newId } from '../../../src-shared/id';
import { useApp } from '../../app/app-context';
import { shownError, type ShownError } from '../../app/call-error';
import { ErrorNote } from '../../app/ErrorNote';

const WIDTHS = [48, 42, 32] as const;
const PINS = [2, 5] as const;

/** A new network printer with the common defaults: 80 mm paper (42 characters), drawer on pin 2. */
export function newPrinter(): DeviceConfig {
  return {
    id: newId(), name: 'Receipt printer', kind: 'receiptPrinter', enabled: true, transport: 'tcp', address: '', baudRate: 19_200,
    widthChars: 42, codePage: 'multilingual', autoStatusBack: true,
    drawer: { pin: 2, onMs: 50, offMs: 500, sensor: 'none', reminderSeconds: 0 },
  };
}

const digits = (value: string) => Number(value.replace(/\D/g, '') || '0');

/**
 * Adds or edits a receipt printer (`devices.save`). The contract's schema is checked here first
 * so that a wrong address is explained before the call; the core checks it again.
 */
export function PrinterForm({ initial, onSaved, onCancel }: { initial: DeviceConfig; onSaved: (device: DeviceConfig) => void; onCancel: () => void }) {
  const { client, t } = useApp();
  const [draft, setDraft] = useState<DeviceConfig>(initial);
  const [error, setError] = useState<ShownError | null>(null);
  const set = (patch: Partial<DeviceConfig>) => setDraft((d) => ({ ...d, ...patch }));
  const setDrawer = (patch: Partial<DeviceConfig['drawer']>) => setDraft((d) => ({ ...d, drawer: { ...d.drawer, ...patch } }));

  const save = async () => {
    const parsed = DeviceConfig.safeParse(draft);
    if (!parsed.success) {
      return setError({ code: 'INVALID_INPUT', message: t('devices.invalid'), detail: parsed.error.issues.map((i) => i.message).join('; ') });
    }
    try {
      onSaved(await client.call('devices.save', parsed.data));
    } catch (failure) {
      setError(shownError(failure, t));
    }
  };

  return (
    <form className="page-card settings-form" onSubmit={(e) => { e.preventDefault(); void save(); }} data-testid="printer-form">
      <label className="field-label" htmlFor="printer-name">{t('devices.name')}</label>
      <input id="printer-name" className="text-field" value={draft.name} onChange={(e) => set({ name: e.target.value })} data-testid="printer-name" />
      <label className="choice">
        <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} data-testid="printer-enabled" />
        {t('devices.enabled')}
      </label>
      <label className="field-label" htmlFor="printer-transport">{t('devices.transport')}</label>
      <select id="printer-transport" className="text-field" value={draft.transport} onChange={(e) => set({ transport: PrinterTransportType.parse(e.target.value) })} data-testid="printer-transport">
        {PrinterTransportType.options.map((type) => <option key={type} value={type}>{t(`devices.transport.${type}`)}</option>)}
      </select>
      <label className="field-label" htmlFor="printer-address">{t('devices.address')}</label>
      <input id="printer-address" className="text-field" value={draft.address} placeholder={t(`devices.addressHint.${draft.transport}`)} onChange={(e) => set({ address: e.target.value })} data-testid="printer-address" />
      {draft.transport === 'serial' && (
        <>
          <label className="field-label" htmlFor="printer-baud">{t('devices.baudRate')}</label>
          <input id="printer-baud" className="text-field text-field-small" inputMode="numeric" value={draft.baudRate} onChange={(e) => set({ baudRate: digits(e.target.value) })} data-testid="printer-baud" />
        </>
      )}
      <label className="field-label" htmlFor="printer-width">{t('devices.width')}</label>
      <select id="printer-width" className="text-field" value={draft.widthChars} onChange={(e) => set({ widthChars: WIDTHS.find((w) => w === Number(e.target.value)) ?? 42 })} data-testid="printer-width">
        {WIDTHS.map((w) => <option key={w} value={w}>{t('devices.widthChars', { count: w })}</option>)}
      </select>
      <label className="field-label" htmlFor="printer-code-page">{t('devices.codePage')}</label>
      <select id="printer-code-page" className="text-field" value={draft.codePage} onChange={(e) => set({ codePage: PrinterCodePage.parse(e.target.value) })} data-testid="printer-code-page">
        {PrinterCodePage.options.map((page) => <option key={page} value={page}>{page}</option>)}
      </select>
      <label className="field-label" htmlFor="printer-drawer-pin">{t('devices.drawerPin')}</label>
      <select id="printer-drawer-pin" className="text-field" value={draft.drawer.pin} onChange={(e) => setDrawer({ pin: Number(e.target.value) === 5 ? 5 : 2 })} data-testid="printer-drawer-pin">
        {PINS.map((pin) => <option key={pin} value={pin}>{t('devices.drawerPinValue', { pin })}</option>)}
      </select>
      <label className="field-label" htmlFor="printer-drawer-on">{t('devices.drawerOnMs')}</label>
      <input id="printer-drawer-on" className="text-field text-field-small" inputMode="numeric" value={draft.drawer.onMs} onChange={(e) => setDrawer({ onMs: digits(e.target.value) })} data-testid="printer-drawer-on" />
      <label className="field-label" htmlFor="printer-drawer-off">{t('devices.drawerOffMs')}</label>
      <input id="printer-drawer-off" className="text-field text-field-small" inputMode="numeric" value={draft.drawer.offMs} onChange={(e) => setDrawer({ offMs: digits(e.target.value) })} data-testid="printer-drawer-off" />
      <label className="field-label" htmlFor="printer-drawer-sensor">{t('devices.drawerSensor')}</label>
      <select id="printer-drawer-sensor" className="text-field" value={draft.drawer.sensor} onChange={(e) => setDrawer({ sensor: DrawerSensor.parse(e.target.value) })} data-testid="printer-drawer-sensor">
        {DrawerSensor.options.map((sensor) => <option key={sensor} value={sensor}>{t(`devices.sensor.${sensor}`)}</option>)}
      </select>
      <label className="field-label" htmlFor="printer-reminder">{t('devices.reminder')}</label>
      <input id="printer-reminder" className="text-field text-field-small" inputMode="numeric" value={draft.drawer.reminderSeconds} onChange={(e) => setDrawer({ reminderSeconds: digits(e.target.value) })} data-testid="printer-reminder" />
      <ErrorNote error={error} />
      <div className="page-actions">
        <button type="button" className="button" onClick={onCancel} data-testid="printer-cancel">{t('devices.cancel')}</button>
        <button type="submit" className="button button-primary" data-testid="printer-save">{t('devices.save')}</button>
      </div>
    </form>
  );
}
