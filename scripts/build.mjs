// Builds the three bundles of the app and the renderer:
//   dist/web-host/main.mjs   the web host (ESM, Node)          npm run web
//   dist/electron/main.cjs   Electron main (CJS)                npm start / electron-builder
//   dist/preload/preload.cjs the sandboxed preload (one CJS file: only require('electron') works there,
//                            https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts)
//   dist/renderer/           the React UI (Vite)
// Native modules stay external: better-sqlite3, serialport and node-hid load from node_modules (rebuilt for Electron's
// ABI by electron-builder when packaging).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';

const quiet = process.argv.includes('--quiet');
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: quiet ? 'error' : 'warning', external: ['better-sqlite3', 'electron', 'serialport', 'node-hid', '@serialport/*'] };

rmSync('dist', { recursive: true, force: true });
await Promise.all([
  esbuild({
    ...common,
    entryPoints: ['src-main/web-host/main.ts'],
    outfile: 'dist/web-host/main.mjs',
    format: 'esm',
    // Bundled CommonJS dependencies call require(); give ESM output a real one.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
  esbuild({ ...common, entryPoints: ['src-main/electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs' }),
  esbuild({ ...common, entryPoints: ['src-main/preload/preload.ts'], outfile: 'dist/preload/preload.cjs', format: 'cjs', external: ['electron'] }),
]);
await viteBuild({ configFile: 'vite.config.ts', logLevel: quiet ? 'error' : 'warn' });
if (!quiet) console.error('built dist/');
