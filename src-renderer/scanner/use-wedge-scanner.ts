import { useEffect, useLayoutEffect, useRef } from 'react';
import { WedgeDetector, type WedgeConfig } from './wedge-detector';

/**
 * Listens for keyboard-wedge scans on `window` in the capture phase, so a scan is caught wherever
 * focus is (search box, tender field, a button, nothing) before any other handler sees the keys.
 * Keys the detector claims are prevented and stopped, so the scan's final Enter does not also
 * "press" the focused button or submit the search. See wedge-detector.ts for the trade-off.
 *
 * `performance.mark('scan-start:<code>')` is set here, at the moment a scan is recognised, for the
 * scan-to-paint benchmark (the checkout sets `scan-painted:<code>`).
 */
export function useWedgeScanner(
  onScan: (code: string) => void,
  onUnreadable: () => void,
  config?: Partial<WedgeConfig>,
): void {
  const handlers = useRef({ onScan, onUnreadable });
  useLayoutEffect(() => {
    handlers.current = { onScan, onUnreadable };
  });
  const configKey = JSON.stringify(config ?? {});

  useEffect(() => {
    const detector = new WedgeDetector(JSON.parse(configKey) as Partial<WedgeConfig>);
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.isComposing) return;
      const decision = detector.handle(event);
      if (decision.suppress) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
      if (decision.scan !== null) {
        performance.mark(`scan-start:${decision.scan}`);
        handlers.current.onScan(decision.scan);
      } else if (decision.unreadable) {
        handlers.current.onUnreadable();
      }
    };
    const onBlur = () => detector.reset();
    window.addEventListener('keydown', onKeyDown, { capture: true });
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('keydown', onKeyDown, { capture: true });
      window.removeEventListener('blur', onBlur);
    };
  }, [configKey]);
}
