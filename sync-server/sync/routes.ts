import type { FastifyInstance } from 'fastify';
import {
  EnrollRequest, HelloRequest, MAX_PUSH_BYTES, PullQuery, PushRequest, SYNC_PATHS, WaitRequest,
} from '../../src-shared/sync/protocol';
import type { ServerContext } from '../context';
import { enroll } from './enroll';
import { hello } from './hello';
import { pull } from './pull';
import { push } from './push';
import { authenticateTerminal, checkProtocol, sameTerminal } from './terminal-auth';
import { wait } from './wait';

const SMALL_BODY = 64 * 1024;

/** `/sync/v1/*`: every body parsed with the shared zod schemas (src-shared/sync/protocol.ts). */
export function registerSyncRoutes(app: FastifyInstance, ctx: ServerContext, authRateLimit: { max: number; timeWindow: number }): void {
  app.post(SYNC_PATHS.enroll, { bodyLimit: SMALL_BODY, config: { rateLimit: authRateLimit } }, async (request) => {
    checkProtocol(request.body);
    return enroll(ctx.db, EnrollRequest.parse(request.body));
  });

  app.post(SYNC_PATHS.hello, { bodyLimit: SMALL_BODY }, async (request) => {
    const terminal = await authenticateTerminal(ctx.db, request);
    checkProtocol(request.body);
    const body = HelloRequest.parse(request.body);
    sameTerminal(terminal, body.terminalId);
    return hello(ctx, terminal, body);
  });

  app.post(SYNC_PATHS.push, { bodyLimit: MAX_PUSH_BYTES }, async (request) => {
    const terminal = await authenticateTerminal(ctx.db, request);
    checkProtocol(request.body);
    const body = PushRequest.parse(request.body);
    sameTerminal(terminal, body.terminalId);
    return push(ctx, terminal, body);
  });

  app.get(SYNC_PATHS.pull, async (request) => {
    const terminal = await authenticateTerminal(ctx.db, request);
    return pull(ctx.db, terminal, PullQuery.parse(request.query));
  });

  app.post(SYNC_PATHS.wait, { bodyLimit: SMALL_BODY }, async (request, reply) => {
    const terminal = await authenticateTerminal(ctx.db, request);
    return wait(ctx, terminal, WaitRequest.parse(request.body), reply.raw);
  });
}
