import { EventEmitter } from 'node:events';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('./preload.ts', import.meta.url));

/**
 * A sandboxed preload cannot load files: it must be one CommonJS script whose only `require` is
 * 'electron' (https://www.electronjs.org/docs/latest/tutorial/sandbox#preload-scripts). This
 * bundles preload.ts the way scripts/build.mjs does and checks that shape, then runs the bundle
 * with a fake 'electron' to see what reaches the page.
 */
async function bundle() {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    write: false,
    metafile: true,
    logLevel: 'silent',
    outfile: 'preload.cjs',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote nothing');
  return { code: output.text, outputs: Object.values(result.metafile.outputs) };
}

describe('the bundled preload', () => {
  it("requires nothing but 'electron'", async () => {
    const { code, outputs } = await bundle();
    expect(outputs).toHaveLength(1);
    expect(outputs[0]?.imports.map((i) => [i.path, i.external])).toEqual([['electron', true]]);
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/\bimport\s*\(/);
  });

  it('exposes exactly window.pos = { invoke, on, version } when run with a fake electron', async () => {
    const { code } = await bundle();
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const ipcRenderer = Object.assign(new EventEmitter(), {
      invoke: async (...args: unknown[]) => {
        invoked.push(args);
        return { ok: true, value: null };
      },
    });
    const electron = { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) }, ipcRenderer };
    const requireElectronOnly = (name: string) => {
      if (name !== 'electron') throw new Error(`a sandboxed preload cannot require ${name}`);
      return electron;
    };
    const module = { exports: {} };
    runInNewContext(code, { require: requireElectronOnly, module, exports: module.exports, process: { argv: ['tillpoint', '--pos-version=3.1.4'] } });

    expect(Object.keys(exposed)).toEqual(['pos']);
    const pos = exposed['pos'] as { invoke: (m: string, i: unknown) => Promise<unknown>; version: string };
    expect(Object.keys(pos).sort()).toEqual(['invoke', 'on', 'version']);
    expect(pos.version).toBe('3.1.4');
    await pos.invoke('app.info', {});
    expect(invoked).toEqual([['pos:invoke', 'app.info', {}]]);
  });
});
