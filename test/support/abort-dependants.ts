/**
 * How many composites Node's `AbortSignal.any` keeps on `signal` (its internal `kDependantSignals`
 * set; https://github.com/nodejs/node/issues/55351 reads it the same way). 0 when there is none.
 */
export function dependantsOf(signal: AbortSignal): number {
  const key = Object.getOwnPropertySymbols(signal).find((symbol) => symbol.toString() === 'Symbol(kDependantSignals)');
  return key ? ((signal as unknown as Record<symbol, Set<unknown> | undefined>)[key]?.size ?? 0) : 0;
}
