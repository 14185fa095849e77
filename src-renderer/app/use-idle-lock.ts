import { useEffect, useRef } from 'react';

/** How often idleness is checked, and the least time between two `session.touch` calls. */
const CHECK_MS = 1_000;
const TOUCH_EVERY_MS = 20_000;

/**
 * Locks the till after `idleSeconds` without a key press, click or touch (issue 4: default two
 * minutes; the cart is kept). Activity is also reported to the core with `session.touch` at most
 * every 20 s, so the core's own idle rule (session-service.ts) agrees with the screen.
 */
export function useIdleLock(options: { active: boolean; idleSeconds: number; onIdle(): void; touch(): void }): void {
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });
  const { active, idleSeconds } = options;

  useEffect(() => {
    if (!active) return;
    let lastActivity = Date.now();
    let lastTouch = Date.now();
    const onActivity = () => {
      lastActivity = Date.now();
      if (lastActivity - lastTouch >= TOUCH_EVERY_MS) {
        lastTouch = lastActivity;
        latest.current.touch();
      }
    };
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity >= idleSeconds * 1000) latest.current.onIdle();
    }, CHECK_MS);
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      window.clearInterval(timer);
      for (const name of events) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [active, idleSeconds]);
}
