import { useEffect, useRef } from 'react';
import { anyModalOpen } from '../components/modal-stack';

/**
 * Actions by key label: `F2`, `⇧F8` (with Shift), `Del`, `Escape`, `ArrowUp`, `NumpadAdd`. An
 * undefined action leaves the key alone (so another view's handler may use it).
 */
export type Shortcuts = Readonly<Record<string, (() => void) | undefined>>;

/** The label of a key press in the `Shortcuts` vocabulary. */
export function shortcutLabel(event: Pick<KeyboardEvent, 'key' | 'code' | 'shiftKey'>): string {
  if (event.code === 'NumpadAdd') return 'NumpadAdd';
  if (event.key === 'Delete') return 'Del';
  return /^F\d{1,2}$/.test(event.key) && event.shiftKey ? `⇧${event.key}` : event.key;
}

const editing = (target: EventTarget | null): boolean =>
  (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.value !== '';

/**
 * Checkout keyboard shortcuts on `window` (bubble phase, so a focused field's own handling of
 * Escape, arrows and Enter runs first, and a scan held back by the wedge detector never reaches
 * here). Everything stands back while a dialog is open (modal-stack.ts). `Del` and the arrows act
 * only when the focused field is empty, so they still edit what is being typed.
 */
export function useShortcuts(shortcuts: Shortcuts): void {
  const current = useRef(shortcuts);
  useEffect(() => {
    current.current = shortcuts;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.altKey || event.metaKey || anyModalOpen()) return;
      const label = shortcutLabel(event);
      if ((label === 'Del' || label === 'ArrowUp' || label === 'ArrowDown') && editing(event.target)) return;
      const action = current.current[label];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
