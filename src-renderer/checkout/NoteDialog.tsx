import { useState } from 'react';
import { useApp } from '../app/app-context';
import { Modal } from '../components/Modal';
import { parseNote } from './line-input';
import { useDialogKeys } from './use-dialog-keys';
import { DialogField } from '../components/DialogField';

interface NoteDialogProps {
  /** "Note — Milk" or "Note on the sale". */
  readonly title: string;
  readonly current: string | null;
  /** `null` removes the note. */
  onSubmit(note: string | null): Promise<boolean>;
  onClose(): void;
}

/** A note on the selected line (F6) or on the sale (⇧F6), printed on the receipt. */
export function NoteDialog({ title, current, onSubmit, onClose }: NoteDialogProps) {
  const { t } = useApp();
  const [text, setText] = useState(current ?? '');
  const [tried, setTried] = useState(false);
  const parsed = parseNote(text);
  const message = tried && !parsed.ok ? parsed.messageKey : null;

  const submit = async () => {
    setTried(true);
    if (!parsed.ok) return;
    // Closed whatever core answered: a refusal shows in the checkout's banner (with "Ask a manager").
    await onSubmit(parsed.value);
    onClose();
  };
  const remove = async () => {
    await onSubmit(null);
    onClose();
  };
  useDialogKeys({ Delete: current !== null ? () => void remove() : undefined });

  return (
    <Modal
      title={title}
      onClose={onClose}
      testId="note-dialog"
      footer={
        <>
          {current !== null && (
            <button type="button" className="button button-danger" onClick={() => void remove()} data-testid="note-remove">
              {t('note.remove')} <kbd>Del</kbd>
            </button>
          )}
          <button type="button" className="button button-primary" onClick={() => void submit()} data-testid="note-ok">
            {t('note.save')} <kbd>Enter</kbd>
          </button>
        </>
      }
    >
      <DialogField
        id="note-input"
        label={t('note.label')}
        className="text-field"
        maxLength={200}
        value={text}
        onChange={(value) => {
          setText(value);
          setTried(false);
        }}
        onEnter={() => void submit()}
        error={message && t(message)}
        testId="note-input"
      />
      <p className="dialog-hint">{t('note.hint')}</p>
    </Modal>
  );
}
