import { useEffect, useState } from 'react';
import type { CheckoutSettings } from '../../src-shared/contract/checkout-contract';
import { useApp } from '../app/app-context';

/** Until `checkout.settings` answers (or if it fails): cash only, no rounding, common notes. */
const FALLBACK: CheckoutSettings = {
  pricesIncludeTax: true,
  taxRounding: 'perReceipt',
  cashRounding: { incrementMinor: 1, mode: 'nearest' },
  discountThresholdBp: 10_000,
  cashNotesMinor: [500, 1000, 2000, 5000],
  tenders: ['cash'],
  receiptWidthChars: 42,
};

/** The store's checkout rules (tenders, cash rounding, quick-cash notes), read once per screen. */
export function useCheckoutSettings(): CheckoutSettings {
  const { client } = useApp();
  const [settings, setSettings] = useState<CheckoutSettings>(FALLBACK);
  useEffect(() => {
    let live = true;
    client.call('checkout.settings', {}).then((value) => live && setSettings(value), () => undefined);
    return () => {
      live = false;
    };
  }, [client]);
  return settings;
}
