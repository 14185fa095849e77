import { useState } from 'react';
import { CheckoutScreen } from '../checkout/CheckoutScreen';
import { ReturnsScreen } from '../returns/ReturnsScreen';
import { CashOffice } from '../shift/CashOffice';
import { OpenShiftScreen } from '../shift/OpenShiftScreen';
import { useShift } from '../shift/use-shift';
import { useApp } from './app-context';
import { Header } from './Header';
import { useSession } from './session-context';
import { TillNav, type TillView } from './TillNav';

/**
 * The till for the signed-in person: Sale, Returns and Cash. Where the store requires a shift
 * (`requireShift`) and none is open, Sale and Returns ask for the float count first.
 */
export function Till() {
  const { t } = useApp();
  const { settings } = useSession();
  const [view, setView] = useState<TillView>('sale');
  const shift = useShift();

  let content;
  if (shift.current === undefined) content = <p className="boot-message">{t('common.loading')}</p>;
  else if (view === 'cash') content = <CashOffice shift={shift.current} onShiftChanged={shift.set} onDone={() => setView('sale')} />;
  else if (settings.requireShift && shift.current === null) content = <OpenShiftScreen onOpened={shift.set} />;
  else if (view === 'returns') content = <ReturnsScreen />;
  else content = <CheckoutScreen />;

  return (
    <div className="app">
      <Header mode="till" nav={<TillNav view={view} onChange={setView} />} />
      {content}
    </div>
  );
}
