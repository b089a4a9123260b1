import { createServer, Server } from 'node:http';
import { problem, PROBLEM_CONTENT_TYPE } from '../http/problem/problem';
import { MetricsRegistry } from './metrics.registry';

/**
 * `GET /metrics` alone on its own address (METRICS_HOST:METRICS_PORT), for a scraper on a
 * network the API's clients cannot reach; nothing else is served there.
 */
export async function startMetricsServer(
  metrics: MetricsRegistry,
  host: string,
  port: number,
): Promise<Server> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || path !== '/metrics') {
      const body = JSON.stringify(
        problem(404, 'ROUTE_NOT_FOUND', 'only GET /metrics is served here'),
      );
      response.writeHead(404, { 'Content-Type': PROBLEM_CONTENT_TYPE }).end(body);
      return;
    }
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'Content-Type': metrics.registry.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  // The API's shutdown decides when the process ends.
  server.unref();
  return server;
}
