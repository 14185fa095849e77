import { useEffect, useRef } from 'react';

/**
 * Function keys inside a dialog (F2 percent, F3 amount, Delete remove …): matched by `event.key`
 * on `window`, so they work whichever field has focus. Delete only acts when the focused field is
 * empty, so it still deletes characters while typing.
 */
export function useDialogKeys(keys: Readonly<Record<string, (() => void) | undefined>>): void {
  const current = useRef(keys);
  useEffect(() => {
    current.current = keys;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.altKey || event.metaKey) return;
      const action = current.current[event.key];
      if (!action) return;
      const field = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement ? event.target : null;
      if (event.key === 'Delete' && field && field.value !== '') return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
