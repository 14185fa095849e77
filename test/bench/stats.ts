/** Percentiles over raw samples (nearest-rank), printed as the one-JSON-line-per-benchmark format. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export interface BenchLine {
  name: string;
  unit: string;
  n: number;
  p50: number;
  p95: number;
  p99: number;
  [extra: string]: unknown;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

export function summarize(name: string, unit: string, samples: readonly number[], extra: Record<string, unknown> = {}): BenchLine {
  const sorted = [...samples].sort((a, b) => a - b);
  return { name, unit, n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), ...extra };
}

export const print = (line: BenchLine): void => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};

/** Milliseconds taken by `fn`, with the high-resolution clock. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
