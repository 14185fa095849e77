import { useCallback, useEffect, useState } from 'react';
import type { DeviceConfig, PrinterStatus } from '../../../src-shared/contract/printing-contract';
import { useApp } from '../../app/app-context';
import { shownError, type ShownError } from '../../app/call-error';
import { ErrorNote } from '../../app/ErrorNote';
import { newPrinter, PrinterForm } from './PrinterForm';
import { ScannerTestPanel } from './ScannerTestPanel';
import './devices.css';

/** The status is kept in memory by main and cheap to read; events between reads may be lost. */
const STATUS_REFRESH_MS = 2_000;

/**
 * Admin → Devices (issue 5): the receipt printers (`devices.list`, `devices.save`), their state
 * (`printer.status`), a test page, a drawer test (`drawer.open`, logged like any opening), and
 * the scanner test field. Saving needs the `settings` permission (the core refuses otherwise).
 */
export function DevicesAdmin() {
  const { client, t } = useApp();
  const [devices, setDevices] = useState<DeviceConfig[]>([]);
  const [statuses, setStatuses] = useState<PrinterStatus[]>([]);
  const [editing, setEditing] = useState<DeviceConfig | null>(null);
  const [note, setNote] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  const refreshStatus = useCallback(() => client.call('printer.status', {}).then(setStatuses, () => {}), [client]);
  const refresh = useCallback(async () => {
    try {
      setDevices(await client.call('devices.list', {}));
      await refreshStatus();
    } catch (failure) {
      setError(shownError(failure, t));
    }
  }, [client, refreshStatus, t]);

  useEffect(() => {
    void refresh();
    const timer = window.setInterval(() => void refreshStatus(), STATUS_REFRESH_MS);
    const stop = client.on('printer.statusChanged', (status) => {
      setStatuses((list) => (list.some((s) => s.deviceId === status.deviceId) ? list.map((s) => (s.deviceId === status.deviceId ? status : s)) : [...list, status]));
    });
    return () => {
      window.clearInterval(timer);
      stop();
    };
  }, [client, refresh, refreshStatus]);

  const act = (action: () => Promise<string>) => async () => {
    setNotice(null);
    try {
      setNotice(await action());
      setError(null);
    } catch (failure) {
      setError(shownError(failure, t));
    }
  };
  const testPage = (device: DeviceConfig) => act(async () => {
    await client.call('printer.testPage', { deviceId: device.id });
    return t('devices.testPageQueued', { name: device.name });
  });
  const openDrawer = (device: DeviceConfig) => act(async () => {
    const opened = await client.call('drawer.open', { deviceId: device.id, ...(note.trim() ? { note: note.trim() } : {}) });
    return t(opened.queued ? 'devices.drawerSent' : 'devices.drawerNotSent', { name: device.name });
  });
  const stateOf = (device: DeviceConfig) => {
    if (!device.enabled) return t('devices.disabled');
    const status = statuses.find((s) => s.deviceId === device.id);
    return status ? t(`printer.state.${status.state}`) : t('devices.notConnected');
  };

  if (editing) {
    return (
      <PrinterForm
        initial={editing}
        onCancel={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          setError(null);
          setNotice(t('devices.saved'));
          void refresh();
        }}
      />
    );
  }

  return (
    <div className="admin-columns" data-testid="devices-admin">
      <section className="page-card">
        <h2>{t('devices.printers')}</h2>
        {devices.length === 0 ? (
          <p className="muted">{t('devices.none')}</p>
        ) : (
          <table className="admin-table">
            <thead>
              <tr><th>{t('devices.name')}</th><th>{t('devices.address')}</th><th>{t('devices.width')}</th><th>{t('devices.status')}</th></tr>
            </thead>
            <tbody>
              {devices.map((device) => [
                <tr key={device.id} data-testid="device-row">
                  <td>{device.name}</td>
                  <td>{t(`devices.transport.${device.transport}`)}<br /><code>{device.address}</code></td>
                  <td>{t('devices.widthChars', { count: device.widthChars })}</td>
                  <td data-testid="device-status">{stateOf(device)}</td>
                </tr>,
                <tr key={`${device.id}-actions`}>
                  <td colSpan={4} className="device-actions">
                    <button type="button" className="button button-quiet" onClick={() => setEditing(device)} data-testid="device-edit">{t('devices.edit')}</button>
                    <button type="button" className="button" disabled={!device.enabled} onClick={testPage(device)} data-testid="device-test-page">{t('devices.testPage')}</button>
                    <button type="button" className="button" disabled={!device.enabled} onClick={openDrawer(device)} data-testid="device-open-drawer">{t('devices.openDrawer')}</button>
                  </td>
                </tr>,
              ])}
            </tbody>
          </table>
        )}
        {devices.length > 0 && (
          <>
            <label className="field-label" htmlFor="drawer-note">{t('devices.drawerNote')}</label>
            <input id="drawer-note" className="text-field" maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} data-testid="drawer-note" />
          </>
        )}
        {notice && <p role="status" className="notice" data-testid="devices-notice">{notice}</p>}
        <ErrorNote error={error} />
        <div className="page-actions">
          <button type="button" className="button button-primary" onClick={() => setEditing(newPrinter())} data-testid="device-add">{t('devices.add')}</button>
        </div>
      </section>
      <ScannerTestPanel />
    </div>
  );
}
