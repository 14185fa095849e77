import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from './instance-lock';

const lockModule = fileURLToPath(new URL('./instance-lock.ts', import.meta.url));

let dataDir: string;
const held: DataDirLock[] = [];
const children: ChildProcess[] = [];

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tillpoint-lock-'));
});

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const lock of held.splice(0)) lock.release();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function acquire(): DataDirLock {
  const lock = acquireDataDirLock(dataDir);
  held.push(lock);
  return lock;
}

/**
 * Runs the real lock module in another Node process (through tsx) and resolves once it holds the
 * lock. The child drops the returned handle and forces garbage collection first: better-sqlite3
 * closes collected connections, which must not release the lock.
 */
function holdInChild(): Promise<ChildProcess> {
  const script = [
    `import { acquireDataDirLock } from ${JSON.stringify(lockModule)};`,
    `acquireDataDirLock(${JSON.stringify(dataDir)});`,
    'for (let i = 0; i < 3; i++) globalThis.gc();',
    `setTimeout(() => process.stdout.write('locked\\n'), 50);`,
    'setInterval(() => globalThis.gc(), 20);',
  ].join('\n');
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: path.dirname(lockModule),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve(child);
    });
    child.on('exit', (code, signal) => reject(new Error(`child exited early (${code ?? signal}): ${stderr}`)));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

describe('acquireDataDirLock', () => {
  it('refuses a second holder in the same process with a clear DataDirLockedError, until released', () => {
    const first = acquire();
    let caught: unknown;
    try {
      acquire();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataDirLockedError);
    expect((caught as Error).message).toContain(`Tillpoint is already running with data directory ${dataDir}`);
    expect((caught as DataDirLockedError).ownerPid).toBe(process.pid);

    first.release();
    first.release();
    expect(() => acquire()).not.toThrow();
  });

  it('is blocked by another process, and freed by the OS when that process is SIGKILLed', async () => {
    const child = await holdInChild();
    let caught: unknown;
    try {
      acquire();
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataDirLockedError);
    expect((caught as DataDirLockedError).ownerPid).toBe(child.pid);

    child.kill('SIGKILL');
    await exited(child);
    expect(child.signalCode).toBe('SIGKILL');
    // The owner file the dead process left behind is stale; it must not matter.
    expect(() => acquire()).not.toThrow();
  });

  it('blocks another process while held here', async () => {
    acquire();
    await expect(holdInChild()).rejects.toThrow(/DataDirLockedError|already running/);
  });
});
