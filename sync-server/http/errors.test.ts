import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { installErrorHandling } from './errors';

/** A Fastify app whose JSON log lines land in `lines`, with one route that fails like a query on a destroyed pool. */
function appWithLog(stopping: () => boolean) {
  const lines: Array<{ level: number; msg: string }> = [];
  const app = Fastify({ logger: { level: 'info', stream: { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) } } });
  installErrorHandling(app, stopping);
  app.get('/fails', async () => {
    throw new Error('driver has already been destroyed');
  });
  return { app, lines };
}

describe('error handling', () => {
  it('logs an unexpected failure as an error, and as info once the server is stopping', async () => {
    let stopping = false;
    const { app, lines } = appWithLog(() => stopping);
    const running = await app.inject({ method: 'GET', url: '/fails' });
    expect(running.statusCode).toBe(500);
    expect(running.json()).toEqual({ error: { code: 'INTERNAL', message: 'internal error; see the server log' } });
    expect(lines.filter((l) => l.level >= 50).map((l) => l.msg)).toEqual(['request failed']);

    stopping = true;
    lines.length = 0;
    const stopped = await app.inject({ method: 'GET', url: '/fails' });
    expect(stopped.statusCode).toBe(500);
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.find((l) => l.msg === 'request cut short by the server stopping')).toMatchObject({ level: 30, reason: 'driver has already been destroyed' });
    await app.close();
  });
});
