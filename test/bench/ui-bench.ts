/**
 * The slot for `ui.scanToPaint` (Chromium through the web host: a wedge scan → the new line
 * painted, measured with performance marks by a Playwright script; target p95 ≤ 16 ms). The
 * renderer work fills it in; `run.ts` calls it after the host lines with the benchmark's data dir.
 */
export async function benchUi(_dataDir: string): Promise<void> {}
