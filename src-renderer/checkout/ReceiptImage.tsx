import { useEffect, useState } from 'react';
import { useApp } from '../app/app-context';
import { svgDataUrl } from './tender';

type Preview = { key: string; url: string; receiptNo: string } | { key: string; failed: string };

/**
 * The on-screen receipt (`receipt.preview`), shown as an `<img>` of the SVG: never inlined as
 * markup, so nothing in it can run or reach the page (and CSP `style-src 'self'` would block its
 * `<style>` anyway).
 */
export function ReceiptImage({ saleId, copy = false }: { saleId: string; copy?: boolean }) {
  const { client, t } = useApp();
  const [preview, setPreview] = useState<Preview | null>(null);

  const key = `${saleId}:${copy}`;
  useEffect(() => {
    let current = true;
    client.call('receipt.preview', { saleId, copy }).then(
      ({ svg, receiptNo }) => current && setPreview({ key, url: svgDataUrl(svg), receiptNo }),
      (error: unknown) => current && setPreview({ key, failed: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [client, saleId, copy, key]);

  if (preview === null || preview.key !== key) {
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
      <img className="receipt-image" src={preview.url} alt={t('receipt.alt', { receiptNo: preview.receiptNo })} data-testid="receipt-preview" data-copy={copy ? 'true' : undefined} />
    </div>
  );
}
