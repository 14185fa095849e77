import { useCallback, useLayoutEffect, useRef } from 'react';

/**
 * A function that keeps its identity across renders and always calls the latest `fn`: event
 * handlers handed to memoised children (`memo`) without making them re-render on every render of
 * the parent. Not for use during render (it would call the previous render's `fn`).
 * https://react.dev/reference/react/memo#minimizing-props-changes
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
