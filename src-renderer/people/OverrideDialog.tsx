import { useEffect, useState } from 'react';
import type { SignInChoice } from '../../src-shared/domain/people';
import { REASON_CODES } from '../../src-shared/domain/settings';
import { useApp } from '../app/app-context';
import { useSession } from '../app/session-context';
import type { ShownError } from '../app/call-error';
import { ErrorNote } from '../app/ErrorNote';
import { Modal } from '../components/Modal';
import { CallError } from '../transport/client';
import { PersonPicker } from './PersonPicker';
import { PIN_MIN, PinEntry } from './PinEntry';
import { pinError } from './pin-error';
import type { OverrideRequest } from './use-override';
import { ReasonPicker } from './ReasonPicker';

/**
 * Manager approval of one protected action (issue 4 "Manager override"): what needs approval, who
 * approves (picks their own name), their PIN and a reason code. `override.approve` checks the PIN
 * (wrong ones count towards that person's lockout) and the permission, records both people and the
 * reason, and returns the one-time token. Used through `useOverride().withOverride`, not directly.
 */
export function OverrideDialog({ request, onApproved, onCancel }: { request: OverrideRequest; onApproved(token: string): void; onCancel(): void }) {
  const app = useApp();
  const { client, t, money } = app;
  const { session } = useSession();
  // The person asking cannot approve their own request: had they the permission, nothing would be asked.
  const askerId = session.state === 'active' ? session.person.id : null;
  const [people, setPeople] = useState<SignInChoice[]>([]);
  const [approver, setApprover] = useState<SignInChoice | null>(null);
  const [pin, setPin] = useState('');
  const [reason, setReason] = useState<string>(REASON_CODES.override[0]);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    client.call('people.listForSignIn', {}).then((all) => setPeople(all.filter((p) => p.id !== askerId)), () => setPeople([]));
  }, [client, askerId]);

  const approve = async () => {
    if (!approver || busy) return;
    if (pin.length < PIN_MIN) return setError({ code: 'INVALID_INPUT', message: t('pin.tooShort'), detail: '' });
    setBusy(true);
    try {
      const { overrideToken } = await client.call('override.approve', {
        permission: request.permission, approverId: approver.id, pin, reasonCode: reason, context: request.context,
      });
      onApproved(overrideToken);
    } catch (failure) {
      const shown = pinError(failure, approver.name, app);
      const notAllowed = failure instanceof CallError && failure.code === 'PERMISSION_REQUIRED';
      setError(notAllowed ? { ...shown, message: t('override.notAllowed', { name: approver.name }) } : shown);
      setPin('');
    } finally {
      setBusy(false);
    }
  };

  const variance = request.context['varianceMinor'];
  return (
    <Modal
      title={t('override.title')}
      onClose={onCancel}
      testId="override-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onCancel} data-testid="override-cancel">
            {t('override.cancel')}
          </button>
          <button type="button" className="button button-primary" disabled={!approver || busy} onClick={() => void approve()} data-testid="override-approve">
            {t('override.approve')}
          </button>
        </>
      }
    >
      <p className="override-needs" data-testid="override-needs">
        {t('override.needs', { what: t(`permission.${request.permission}`) })}
        <small className="muted">{request.detail}</small>
      </p>
      {typeof variance === 'number' && <p className="override-variance" data-testid="override-variance">{t('override.variance', { amount: money(variance) })}</p>}
      <p className="field-label">{t('override.approver')}</p>
      <PersonPicker people={people} selectedId={approver?.id ?? null} onSelect={(p) => { setApprover(p); setPin(''); setError(null); }} label={t('override.approver')} testId="override-approver" />
      <ErrorNote error={error} testId="override-error" />
      {approver && (
        <PinEntry key={approver.id} value={pin} onChange={setPin} onSubmit={() => void approve()} label={t('signIn.pinFor', { name: approver.name })} submitLabel={t('override.approve')} testId="override-pin" />
      )}
      <ReasonPicker codes={REASON_CODES.override} value={reason} onChange={setReason} label={t('override.reason')} testId="override-reason" />
    </Modal>
  );
}
