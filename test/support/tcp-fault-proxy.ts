import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on loopback between terminals and the sync server that misbehaves on demand, for
 * the fault suite (ARCHITECTURE.md §8, issue 6). The mode is read when a connection is accepted;
 * `setMode` closes the connections already open (by default), so a pooled keep-alive connection
 * cannot outlive the fault it was opened under, and that close is itself one more fault.
 *
 * - `pass`: forwards both ways.
 * - `delay`: forwards every chunk both ways after `ms` ± `jitterMs`, order kept.
 * - `drop`: destroys each new connection at once (the client sees a reset).
 * - `cut`: forwards a request and the first `afterBytes` bytes of the server's answer, then
 *   destroys both sockets: the server may well have committed what the client never hears about.
 * - `http503`: answers `503` itself; `forward: true` sends the request to the server first and
 *   swaps its answer (once it begins, i.e. after the server committed) for the 503.
 * - `blackhole`: accepts, reads and never answers.
 *
 * `cut` and `http503` hit single requests (HTTP/1.1 keep-alive, one request at a time): only
 * requests whose path is in `paths` (all when absent), each with `probability` (default 1). A
 * fault on every request would stop a client at its first one (`hello`) and never let it reach
 * `push`, the request whose lost answer matters most.
 *
 * Bounded: it connects only to the loopback target it was given (`setTarget` too).
 */
export interface RequestFilter {
  paths?: string[];
  probability?: number;
}

export type FaultMode =
  | { kind: 'pass' }
  | { kind: 'delay'; ms: number; jitterMs?: number }
  | { kind: 'drop' }
  | ({ kind: 'cut'; afterBytes: number } & RequestFilter)
  | ({ kind: 'http503'; forward?: boolean } & RequestFilter)
  | { kind: 'blackhole' };

export interface FaultProxyStats {
  connections: number;
  dropped: number;
  cut: number;
  answered503: number;
  blackholed: number;
  /** Requests the server received but whose answer the client lost (cut, or a forwarded 503), by path. */
  answerLost: Record<string, number>;
}

export interface TcpFaultProxy {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  readonly port: number;
  readonly stats: Readonly<FaultProxyStats>;
  mode(): FaultMode;
  setMode(mode: FaultMode, options?: { keepOpen?: boolean }): void;
  /** Points new connections at another loopback port (a second server instance, a restarted one). */
  setTarget(port: number): void;
  /** Destroys every open connection (both sides). */
  resetConnections(): void;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

const BODY_503 = JSON.stringify({ error: { code: 'INTERNAL', message: 'fault proxy: injected 503' } });
const RESPONSE_503 = `HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(BODY_503)}\r\nConnection: close\r\n\r\n${BODY_503}`;

export async function startTcpFaultProxy(options: { targetPort: number; targetHost?: string; port?: number; random?: () => number }): Promise<TcpFaultProxy> {
  const targetHost = options.targetHost ?? '127.0.0.1';
  if (!LOOPBACK.has(targetHost)) throw new Error(`the fault proxy only forwards to loopback, not to ${targetHost}`);
  const random = options.random ?? Math.random;
  let targetPort = checkPort(options.targetPort);
  let current: FaultMode = { kind: 'pass' };
  const open = new Set<Socket>();
  const stats: FaultProxyStats = { connections: 0, dropped: 0, cut: 0, answered503: 0, blackholed: 0, answerLost: {} };
  const answerLost = (path: string) => {
    stats.answerLost[path] = (stats.answerLost[path] ?? 0) + 1;
  };

  const track = (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    // Resets are the point of this proxy: never let one become an uncaught exception.
    socket.on('error', () => socket.destroy());
  };

  function handle(client: Socket): void {
    stats.connections += 1;
    track(client);
    const mode = current;
    if (mode.kind === 'drop') {
      stats.dropped += 1;
      client.resetAndDestroy();
      return;
    }
    if (mode.kind === 'blackhole') {
      stats.blackholed += 1;
      client.resume();
      return;
    }
    const server = connect({ host: targetHost, port: targetPort });
    track(server);
    const bothGone = () => {
      client.destroy();
      server.destroy();
    };
    client.on('close', bothGone);
    server.on('close', bothGone);
    if (mode.kind === 'delay') {
      relayDelayed(client, server, mode, random);
      relayDelayed(server, client, mode, random);
      return;
    }
    if (mode.kind === 'pass') {
      client.pipe(server);
      server.pipe(client);
      return;
    }
    faultRequests(client, server, mode, bothGone);
  }

  /** `cut` / `http503`: forwards chunk by chunk and decides at each request line whether to fault its answer. */
  function faultRequests(client: Socket, server: Socket, mode: Extract<FaultMode, { kind: 'cut' | 'http503' }>, bothGone: () => void): void {
    let path = '?';
    let faulted = false;
    let left = 0;
    client.on('data', (chunk: Buffer) => {
      const line = /^[A-Z]+ ([^ ?]+)/.exec(chunk.subarray(0, 200).toString('latin1'));
      if (line?.[1]) {
        path = line[1];
        faulted = (mode.paths === undefined || mode.paths.includes(path)) && random() < (mode.probability ?? 1);
        left = mode.kind === 'cut' ? Math.max(0, mode.afterBytes) : 0;
        if (faulted && mode.kind === 'http503' && !mode.forward) {
          stats.answered503 += 1;
          server.destroy();
          client.end(RESPONSE_503);
          return;
        }
      }
      if (!server.destroyed) server.write(chunk);
    });
    client.on('end', () => server.end());
    server.on('data', (chunk: Buffer) => {
      if (!faulted) {
        client.write(chunk);
        return;
      }
      if (mode.kind === 'http503') {
        stats.answered503 += 1;
        answerLost(path);
        server.destroy();
        client.end(RESPONSE_503);
        return;
      }
      const part = chunk.subarray(0, left);
      left -= part.length;
      if (part.length > 0) client.write(part);
      if (left === 0) {
        stats.cut += 1;
        answerLost(path);
        server.pause();
        // Let the written bytes leave before the reset, so the client really gets half an answer.
        setImmediate(bothGone);
      }
    });
  }

  const listener: Server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (listener.address() as { port: number }).port;

  const resetConnections = () => {
    for (const socket of [...open]) socket.destroy();
  };

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    stats,
    mode: () => current,
    setMode(mode, setOptions) {
      current = mode;
      if (!setOptions?.keepOpen) resetConnections();
    },
    setTarget(next) {
      targetPort = checkPort(next);
    },
    resetConnections,
    close: () => new Promise<void>((resolve) => {
      resetConnections();
      listener.close(() => resolve());
    }),
  };
}

function checkPort(port: number): number {
  if (!Number.isInteger(port) || port < 1 || port > 65_535) throw new Error(`not a TCP port: ${port}`);
  return port;
}

/** Forwards `from` → `to` with every chunk held back `ms` ± `jitterMs`, never reordered. */
function relayDelayed(from: Socket, to: Socket, mode: { ms: number; jitterMs?: number }, random: () => number): void {
  let chain = Promise.resolve();
  from.on('data', (chunk: Buffer) => {
    const jitter = mode.jitterMs ? (random() * 2 - 1) * mode.jitterMs : 0;
    const wait = Math.max(0, mode.ms + jitter);
    chain = chain.then(() => new Promise<void>((resolve) => setTimeout(resolve, wait))).then(() => {
      if (!to.destroyed) to.write(chunk);
    });
  });
  from.on('end', () => {
    chain = chain.then(() => {
      if (!to.destroyed) to.end();
    });
  });
}
