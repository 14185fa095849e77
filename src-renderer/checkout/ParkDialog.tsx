import { useState } from 'react';
import { useApp } from '../app/app-context';
import { Modal } from '../components/Modal';
import { parseNote } from './line-input';

/** Puts the sale aside (F8) with an optional note ("blue coat, back in 5 min"); the till is free at once. */
export function ParkDialog({ onPark, onClose }: { onPark(note?: string): Promise<boolean>; onClose(): void }) {
  const { t } = useApp();
  const [text, setText] = useState('');
  const parsed = parseNote(text);
  const invalid = text.trim() !== '' && !parsed.ok ? parsed.messageKey : null;

  const park = async () => {
    if (invalid) return;
    await onPark(parsed.ok ? parsed.value : undefined);
    onClose();
  };

  return (
    <Modal
      title={t('park.title')}
      onClose={onClose}
      testId="park-dialog"
      footer={
        <button type="button" className="button button-primary" disabled={invalid !== null} onClick={() => void park()} data-testid="park-ok">
          {t('park.ok')} <kbd>Enter</kbd>
        </button>
      }
    >
      <label className="field-label" htmlFor="park-note">
        {t('park.note')}
      </label>
      <input
        id="park-note"
        className="text-field"
        autoComplete="off"
        maxLength={200}
        data-autofocus=""
        value={text}
        placeholder={t('park.placeholder')}
        aria-invalid={invalid !== null}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            void park();
          }
        }}
        data-testid="park-note"
      />
      {invalid && (
        <p className="field-invalid" role="alert">
          {t(invalid)}
        </p>
      )}
    </Modal>
  );
}
