import { useState } from 'react';
import { errorMessageKey } from '../../src-shared/i18n/index';
import { useApp } from '../app/app-context';
import { CallError } from '../transport/client';

type Outcome = { kind: 'queued' } | { kind: 'failed'; message: string } | null;

/**
 * "Reprint (copy)": queues a new receipt job that says COPY (`printer.reprint`; the original job
 * is never printed twice). It returns at once: the printer status in the header follows the job.
 */
export function ReprintButton({ saleId, shortcut }: { saleId: string; shortcut?: string }) {
  const { client, t } = useApp();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const reprint = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await client.call('printer.reprint', { saleId });
      setOutcome({ kind: 'queued' });
    } catch (error) {
      setOutcome({ kind: 'failed', message: error instanceof CallError ? t(errorMessageKey(error.code)) : String(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="reprint">
      <button type="button" className="button" disabled={busy} onClick={() => void reprint()} data-testid="reprint-copy">
        {t('printer.reprint')} {shortcut && <kbd>{shortcut}</kbd>}
      </button>
      {outcome?.kind === 'queued' && (
        <span className="reprint-outcome" role="status" data-testid="reprint-queued">
          {t('receipt.copyQueued')}
        </span>
      )}
      {outcome?.kind === 'failed' && (
        <span className="reprint-outcome reprint-failed" role="alert" data-testid="reprint-failed">
          {outcome.message}
        </span>
      )}
    </span>
  );
}
