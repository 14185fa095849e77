import { print } from './stats';
import { benchScanToPaint } from './ui-scan-to-paint';

/**
 * `ui.scanToPaint`: Chromium through the web host, a wedge scan → the new line painted, read
 * from the renderer's `scan-start:`/`scan-painted:` performance marks (target p95 ≤ 16 ms).
 */
export async function benchUi(dataDir: string): Promise<void> {
  print(await benchScanToPaint(dataDir));
}
