import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useApp } from '../app/app-context';
import { isTopModal, pushModal } from './modal-stack';
import './components.css';

export interface ModalProps {
  readonly title: string;
  onClose(): void;
  readonly children: ReactNode;
  /** Buttons row at the bottom (primary action last). */
  readonly footer?: ReactNode;
  /** `data-testid` of the dialog element. */
  readonly testId?: string;
  readonly size?: 'narrow' | 'wide';
  /** Escape, the × button and a backdrop click close it (default true); false for a question that must be answered. */
  readonly dismissible?: boolean;
}

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled]):not([tabindex="-1"]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog over everything (portal to `<body>`): `role="dialog"`, `aria-modal`, titled.
 * Focus moves into it (the first `[data-autofocus]`, else the body's first field or button, else the footer's) and goes
 * back where it was on close; Tab stays inside. Escape closes the innermost dialog only, and the
 * checkout's window shortcuts stand back while any dialog is open (`anyModalOpen()` in
 * modal-stack.ts). Wedge scans still reach the checkout (that listener runs first, in capture).
 *
 * Usage: `<Modal title={t('…')} onClose={close} footer={<button …>OK</button>}>…</Modal>`
 */
export function Modal({ title, onClose, children, footer, testId, size = 'narrow', dismissible = true }: ModalProps) {
  const { t } = useApp();
  const titleId = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  useEffect(() => {
    close.current = onClose;
  });

  useEffect(() => {
    const entry = pushModal();
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = dialog.current;
    // The body's first field before the header's Close button: the dialog is there to be answered.
    const first =
      root?.querySelector<HTMLElement>('[data-autofocus]') ??
      root?.querySelector<HTMLElement>(`.modal-body :is(${FOCUSABLE})`) ??
      root?.querySelector<HTMLElement>(`.modal-footer :is(${FOCUSABLE})`) ??
      root;
    first?.focus();
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || !isTopModal(entry.token) || !dismissible) return;
      event.preventDefault();
      close.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      entry.pop();
      if (before?.isConnected) before.focus();
    };
  }, [dismissible]);

  const trapTab = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Tab' || !dialog.current) return;
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return event.preventDefault();
    const [head, tail] = [items[0]!, items.at(-1)!];
    if (event.shiftKey && document.activeElement === head) {
      event.preventDefault();
      tail.focus();
    } else if (!event.shiftKey && document.activeElement === tail) {
      event.preventDefault();
      head.focus();
    }
  };

  return createPortal(
    <div className="modal-backdrop" onMouseDown={(event) => dismissible && event.target === event.currentTarget && onClose()}>
      <div ref={dialog} className={`modal modal-${size}`} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} onKeyDown={trapTab} data-testid={testId}>
        <div className="modal-head">
          <h2 id={titleId} className="modal-title">
            {title}
          </h2>
          {dismissible && (
            <button type="button" className="button button-quiet modal-close" onClick={onClose} data-testid="modal-close">
              {t('ui.modal.close')} <kbd>Esc</kbd>
            </button>
          )}
        </div>
        <div className="modal-body">{children}</div>
        {footer && <div className="modal-footer">{footer}</div>}
      </div>
    </div>,
    document.body,
  );
}
