import type { FastifyInstance } from 'fastify';

/**
 * Headers for an API that serves JSON only (OWASP REST Security Cheat Sheet, "Security Headers"):
 * no MIME sniffing, no referrer leaks, never framed, nothing cached by intermediaries.
 */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cache-Control', 'no-store');
    done(null, payload);
  });
}
