import { print } from './stats';
import { benchScanToPaint } from './ui-scan-to-paint';

/**
 * `ui.scanToPaint`: Chromium through the web host, a wedge scan → the new line painted, read
 * from the renderer's `scan-start:`/`scan-painted:` performance marks (target p95 ≤ 16 ms), with
 * frames made as soon as they are ready; `ui.scanToPaint.vsync60`: the same under headless
 * Chromium's 60 Hz frame clock (ui-scan-to-paint.ts says why both).
 */
export async function benchUi(dataDir: string): Promise<void> {
  for (const line of await benchScanToPaint(dataDir)) print(line);
}
