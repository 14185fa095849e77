// The layer table as data: docs/architecture.md#layers (the code as built) and the design's
// section 2 ("Layers and who may import whom", ../shared/ARCHITECTURE.md) for rows not built yet.
// `local/layers` (./layers.js) checks every import against it and names the allowed layers in
// its message, the way microsoft/vscode's `.eslint-plugin-local/code-layering.ts` does.
// Change this file and the table in the docs together.
//
// Fields of a layer:
//   folder    repository-relative folder; a file belongs to the longest folder that contains it.
//   internal  other repository folders its relative imports may reach (its own folder always).
//   typeOnly  folders it may reach with `import type` / `export type … from` only.
//   external  package specifiers it may import: a package name (covers its subpaths),
//             'node:*' for Node built-ins (`node:fs` and bare `fs` alike), '*' for any package.
//   forbidden package specifiers it never imports, even when `external` would allow them.
//   note      extra words for the message where a list alone would mislead.
//
// `zod` is allowed wherever `src-shared` is: src-shared's schemas are zod objects, so importing
// zod next to them adds no capability the layer did not already have.

/** @typedef {{ folder: string, internal: string[], typeOnly?: string[], external: string[], forbidden?: string[], note?: string }} Layer */

export const LAYERS_DOC = 'docs/architecture.md#layers';

/** @type {Layer[]} */
export const LAYERS = [
  {
    folder: 'src-shared',
    internal: [],
    external: ['zod', 'uuid'],
    forbidden: ['node:*', 'electron', 'react', 'react-dom', 'better-sqlite3', 'kysely'],
    note: 'pure TypeScript',
  },
  {
    folder: 'src-main/core',
    internal: ['src-shared', 'migrations'],
    // receiptline: core renders receipts (SVG preview, ESC/POS bytes), as docs/architecture.md#layers records.
    external: ['node:*', 'kysely', 'better-sqlite3', 'receiptline', 'zod'],
    forbidden: ['electron'],
  },
  {
    folder: 'src-main/hardware',
    internal: ['src-shared'],
    // The adapters implement the ports that core defines, so they may name core's port types.
    typeOnly: ['src-main/core'],
    external: ['node:*', 'node-hid', 'serialport', 'receiptline', 'zod'],
    forbidden: ['electron'],
  },
  {
    folder: 'src-main/rpc',
    internal: ['src-shared'],
    typeOnly: ['src-main/core'],
    external: ['zod'],
    forbidden: ['electron'],
  },
  {
    folder: 'src-main/web-host',
    internal: ['src-shared', 'src-main/core', 'src-main/rpc', 'src-main/hardware', 'src-main/security', 'src-main/app-version'],
    // ws: the WebSocket that carries the renderer's calls (web-host/rpc-socket.ts says why).
    external: ['node:*', 'zod', 'ws'],
    forbidden: ['electron'],
  },
  {
    folder: 'src-main/electron',
    internal: ['src-main', 'src-shared', 'migrations'],
    external: ['electron', 'node:*', '*'],
    forbidden: ['react', 'react-dom'],
    note: 'everything in src-main',
  },
  {
    // contextBridge.exposeInMainWorld('pos', …) and nothing else; the channel names live in the contract.
    folder: 'src-main/preload',
    internal: ['src-shared/contract'],
    external: ['electron'],
  },
  {
    // Pure Content-Security-Policy helpers shared by the Electron and web hosts.
    folder: 'src-main/security',
    internal: ['src-shared'],
    external: [],
  },
  {
    // The version both hosts report, read from package.json (a single module, not a folder).
    folder: 'src-main/app-version',
    internal: ['package.json'],
    external: [],
  },
  {
    folder: 'src-renderer',
    internal: ['src-shared'],
    external: ['react', 'react-dom', 'zod'],
    // DOM libraries join this list by name when the renderer needs one.
    forbidden: ['node:*', 'electron'],
  },
  {
    folder: 'sync-server',
    internal: ['src-shared'],
    external: ['node:*', '*'],
    forbidden: ['electron'],
    note: 'its own dependencies',
  },
  {
    folder: 'migrations',
    internal: [],
    external: ['kysely'],
  },
];

/** Folders whose files must belong to a layer: a new folder there needs a row above. */
export const LAYERED_ROOTS = ['src-shared', 'src-main', 'src-renderer', 'sync-server', 'migrations'];

/**
 * Tests and cross-process harnesses may import anything (the `test/` row of the table).
 * Regular expressions over the repository-relative path, as strings so that they stay options.
 */
export const EXEMPT = ['^test/', '\\.test\\.tsx?$'];
