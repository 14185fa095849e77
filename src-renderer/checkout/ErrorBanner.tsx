import { errorMessageKey } from '../../src-shared/i18n/index';
import { useApp } from '../app/app-context';
import type { CheckoutError } from './use-checkout';

/** The last thing that went wrong, in the cashier's language, until dismissed or the next success. */
export function ErrorBanner({ error, onDismiss }: { error: CheckoutError; onDismiss(): void }) {
  const { t } = useApp();
  let message = t(errorMessageKey(error.code));
  if (error.messageKey) message = t(error.messageKey, error.params);
  else if (error.code === 'BARCODE_NOT_FOUND' && error.barcode !== undefined) message = t('error.barcodeNotFound', { barcode: error.barcode });
  // The core's English message helps support; for these two it would only repeat the same words.
  const showDetail = error.detail !== '' && error.code !== 'BARCODE_NOT_FOUND' && error.code !== 'TENDER_SHORT';
  return (
    <div className="error-banner" role="alert" data-testid="error-banner" data-error-code={error.code}>
      <p className="error-banner-text">
        {message}
        {showDetail && <small className="error-banner-detail">{error.detail}</small>}
      </p>
      <button type="button" className="button button-quiet error-banner-dismiss" onClick={onDismiss} data-testid="error-dismiss">
        {t('error.dismiss')} <kbd>Esc</kbd>
      </button>
    </div>
  );
}
