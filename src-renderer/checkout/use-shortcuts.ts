import { useEffect, useRef } from 'react';

export interface Shortcuts {
  /** F12, or "+" on the numeric keypad (one key, right next to the digits a cashier types). */
  pay?: () => void;
  /** F9. */
  clear?: () => void;
  /** Escape. */
  back?: () => void;
}

/**
 * Checkout keyboard shortcuts on `window` (bubble phase, so a focused field's own handling of
 * Escape runs first and a scan held back by the wedge detector never reaches here).
 * Keys are matched by `event.code` where layouts differ (NumpadAdd) and by `event.key` otherwise.
 */
export function useShortcuts(shortcuts: Shortcuts): void {
  const current = useRef(shortcuts);
  useEffect(() => {
    current.current = shortcuts;
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat || event.ctrlKey || event.altKey || event.metaKey) return;
      const { pay, clear, back } = current.current;
      let action: (() => void) | undefined;
      if (event.key === 'F12' || event.code === 'NumpadAdd') action = pay;
      else if (event.key === 'F9') action = clear;
      else if (event.key === 'Escape') action = back;
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
