import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** One registry per app instance, so tests can build several apps in one process. */
export function createMetricsRegistry() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'gongjian_' });
  const httpDuration = new Histogram({
    name: 'gongjian_http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  return { registry, httpDuration };
}

export type MetricsRegistry = ReturnType<typeof createMetricsRegistry>;
export const METRICS = Symbol.for('gongjian.Metrics');
