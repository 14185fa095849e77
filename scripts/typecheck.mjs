// Type-checks each layer with its own tsconfig, so that the layer table of
// docs/architecture.md holds at compile time (the renderer has no Node types,
// src-shared has neither Node nor DOM).
import { spawnSync } from 'node:child_process';

const projects = ['src-shared', 'src-renderer', 'src-main', 'sync-server', 'test'];
let failed = false;
for (const project of projects) {
  const result = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', `${project}/tsconfig.json`], { stdio: 'inherit' });
  if (result.status !== 0) { console.error(`typecheck failed: ${project}`); failed = true; }
}
process.exit(failed ? 1 : 0);
