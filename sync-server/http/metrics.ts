import type { FastifyInstance } from 'fastify';

export interface Metrics {
  pushed(status: 'accepted' | 'duplicate' | 'quarantined'): void;
  waitClients(delta: number): void;
  render(): string;
}

/**
 * Prometheus text exposition format 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/). Counters are per process, as
 * Prometheus expects: it scrapes every instance and sums.
 */
export function createMetrics(): Metrics & { request(method: string, route: string, status: number): void } {
  const requests = new Map<string, number>();
  const pushed = { accepted: 0, duplicate: 0, quarantined: 0 };
  let waiting = 0;
  const label = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  return {
    request(method, route, status) {
      const key = `method="${label(method)}",route="${label(route)}",status="${status}"`;
      requests.set(key, (requests.get(key) ?? 0) + 1);
    },
    pushed(status) {
      pushed[status] += 1;
    },
    waitClients(delta) {
      waiting += delta;
    },
    render() {
      const lines = [
        '# HELP sync_http_requests_total HTTP requests by method, route and status.',
        '# TYPE sync_http_requests_total counter',
        ...[...requests].map(([key, n]) => `sync_http_requests_total{${key}} ${n}`),
        '# HELP sync_push_events_total Pushed events by outcome.',
        '# TYPE sync_push_events_total counter',
        ...Object.entries(pushed).map(([status, n]) => `sync_push_events_total{status="${status}"} ${n}`),
        '# HELP sync_wait_clients Long polls currently waiting.',
        '# TYPE sync_wait_clients gauge',
        `sync_wait_clients ${waiting}`,
      ];
      return `${lines.join('\n')}\n`;
    },
  };
}

export function installRequestMetrics(app: FastifyInstance, metrics: ReturnType<typeof createMetrics>): void {
  app.addHook('onResponse', (request, reply, done) => {
    metrics.request(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode);
    done();
  });
}
