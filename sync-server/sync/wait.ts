import type { ServerResponse } from 'node:http';
import type { StreamName, WaitRequest, WaitResponse } from '../../src-shared/sync/protocol';
import { notifyKey, scopeOf } from '../changes/streams';
import type { ServerContext } from '../context';
import { streamsWithNews } from './pull';
import type { AuthenticatedTerminal } from './terminal-auth';

/**
 * Long poll: answers at once if a stream already has news, otherwise when a NOTIFY for one of
 * the caller's streams arrives (from any server instance), when the periodic check finds news
 * (NOTIFY can be lost while the LISTEN connection reconnects, so it is never relied on alone), or
 * after `timeoutSeconds` with no news. Holds no database connection while waiting.
 */
export async function wait(ctx: ServerContext, terminal: AuthenticatedTerminal, request: WaitRequest, response: ServerResponse): Promise<WaitResponse> {
  const now = await streamsWithNews(ctx.db, terminal, request.cursors);
  if (now.length > 0) return { news: now };
  ctx.metrics.waitClients(+1);
  try {
    return await new Promise<WaitResponse>((resolve, reject) => {
      let checking = false;
      let done = false;
      const unsubscribers: (() => void)[] = [];
      const finish = (news: StreamName[]) => {
        if (done) return;
        done = true;
        clearInterval(periodic);
        clearTimeout(timeout);
        for (const off of unsubscribers) off();
        response.off('close', onClose);
        ctx.shutdown.removeEventListener('abort', onClose);
        resolve({ news });
      };
      const check = () => {
        if (checking || done) return;
        checking = true;
        streamsWithNews(ctx.db, terminal, request.cursors).then((news) => {
          checking = false;
          if (news.length > 0) finish(news);
        }, (error: unknown) => {
          done = true;
          reject(error instanceof Error ? error : new Error(String(error)));
        });
      };
      const onClose = () => finish([]);
      for (const stream of Object.keys(request.cursors) as StreamName[]) {
        unsubscribers.push(ctx.notifier.subscribe(notifyKey(stream, scopeOf(stream, terminal.storeId)), check));
      }
      const periodic = setInterval(check, ctx.waitCheckMs);
      const timeout = setTimeout(() => finish([]), request.timeoutSeconds * 1000);
      // The terminal gave up (or a proxy cut it): stop waiting for it. The response's 'close'
      // (not the request's, which fires once the body is read) means the connection went away.
      response.on('close', onClose);
      ctx.shutdown.addEventListener('abort', onClose);
      if (ctx.shutdown.aborted) onClose();
    });
  } finally {
    ctx.metrics.waitClients(-1);
  }
}
