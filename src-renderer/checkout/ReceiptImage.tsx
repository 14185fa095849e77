import { useEffect, useState } from 'react';
import { useApp } from '../app/app-context';
import { svgDataUrl } from './tender';

type Preview = { saleId: string; url: string; receiptNo: string } | { saleId: string; failed: string };

/**
 * The on-screen receipt (`receipt.preview`), shown as an `<img>` of the SVG: never inlined as
 * markup, so nothing in it can run or reach the page (and CSP `style-src 'self'` would block its
 * `<style>` anyway).
 */
export function ReceiptImage({ saleId }: { saleId: string }) {
  const { client, t } = useApp();
  const [preview, setPreview] = useState<Preview | null>(null);

  useEffect(() => {
    let current = true;
    client.call('receipt.preview', { saleId }).then(
      ({ svg, receiptNo }) => current && setPreview({ saleId, url: svgDataUrl(svg), receiptNo }),
      (error: unknown) => current && setPreview({ saleId, failed: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, saleId]);

  if (preview === null || preview.saleId !== saleId) {
    return <p className="receipt-loading">{t('receipt.loading')}</p>;
  }
  if ('failed' in preview) {
    return (
      <p className="receipt-failed" role="alert">
        {t('error.INTERNAL')} <small>{preview.failed}</small>
      </p>
    );
  }
  return (
    <div className="receipt-frame">
      <img className="receipt-image" src={preview.url} alt={t('receipt.alt', { receiptNo: preview.receiptNo })} data-testid="receipt-preview" />
    </div>
  );
}
