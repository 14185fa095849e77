import { useEffect, useState } from 'react';
import type { ScannerInfo, ScannerTest } from '../../../src-shared/contract/scanner-contract';
import { useApp } from '../../app/app-context';
import { shownError, type ShownError } from '../../app/call-error';
import { ErrorNote } from '../../app/ErrorNote';

/**
 * The scanner test field: what a keyboard-wedge scanner types here (or a person, then Enter) is
 * normalised by `scanner.test` without touching the cart; a scan from a scanner read in main
 * (`scanner.scanned`) shows up here too. Lists the scanners main reads (`scanner.list`).
 */
export function ScannerTestPanel() {
  const { client, t } = useApp();
  const [raw, setRaw] = useState('');
  const [result, setResult] = useState<ScannerTest | null>(null);
  const [scanners, setScanners] = useState<ScannerInfo[]>([]);
  const [error, setError] = useState<ShownError | null>(null);

  useEffect(() => {
    let live = true;
    client.call('scanner.list', {}).then((list) => live && setScanners(list.scanners), () => {});
    const stop = client.on('scanner.scanned', () => {
      // The event carries the code; the test's `last` adds the normalised details and the product.
      client.call('scanner.test', {}).then((test) => live && test.last && setResult(test.last), () => {});
    });
    return () => {
      live = false;
      stop();
    };
  }, [client]);

  const test = async () => {
    if (raw.trim() === '') return;
    try {
      setResult((await client.call('scanner.test', { raw })).last);
      setError(null);
      setRaw('');
    } catch (failure) {
      setError(shownError(failure, t));
    }
  };

  return (
    <section className="page-card" data-testid="scanner-test">
      <h3>{t('devices.scanners')}</h3>
      {scanners.length === 0 ? (
        <p className="muted">{t('devices.noScanners')}</p>
      ) : (
        <ul data-testid="scanner-list">
          {scanners.map((s) => <li key={s.id}>{s.description} — {t(`devices.scannerState.${s.status}`)}{s.detail ? ` (${s.detail})` : ''}</li>)}
        </ul>
      )}
      <form onSubmit={(e) => { e.preventDefault(); void test(); }}>
        <label className="field-label" htmlFor="scanner-test-input">{t('devices.scannerTest')}</label>
        <p className="muted">{t('devices.scannerTestHint')}</p>
        <div className="scanner-test-row">
          <input id="scanner-test-input" className="text-field" autoComplete="off" value={raw} onChange={(e) => setRaw(e.target.value)} data-testid="scanner-test-input" />
          <button type="submit" className="button" data-testid="scanner-test-button">{t('devices.scannerTestButton')}</button>
        </div>
      </form>
      <ErrorNote error={error} />
      {result && (
        <dl className="scanner-test-result" data-testid="scanner-test-result">
          <dt>{t('devices.raw')}</dt>
          <dd data-testid="scanner-test-raw">{result.normalized.raw}</dd>
          <dt>{t('devices.normalized')}</dt>
          <dd data-testid="scanner-test-code">{result.normalized.code}</dd>
          <dt>{t('devices.format')}</dt>
          <dd data-testid="scanner-test-format">{result.normalized.format}{result.normalized.symbology ? ` ${result.normalized.symbology}` : ''}</dd>
          <dt>{t('devices.source')}</dt>
          <dd>{result.source}</dd>
          <dt>{t('devices.product')}</dt>
          <dd data-testid="scanner-test-product">{result.product ? `${result.product.sku} · ${result.product.name}` : t('devices.productNone')}</dd>
        </dl>
      )}
    </section>
  );
}
