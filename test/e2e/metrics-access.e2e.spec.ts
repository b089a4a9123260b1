import { AddressInfo } from 'node:net';
import { createMetricsRegistry } from '../../apps/api/src/metrics/metrics.registry';
import { startMetricsServer } from '../../apps/api/src/metrics/metrics.server';
import { Harness, KEYS, startApi } from './api-harness';
import { rawRequest } from './raw-http';

describe('/metrics access', () => {
  describe('in production', () => {
    let api: Harness;
    beforeAll(async () => {
      api = await startApi({ config: { production: true } });
    });
    afterAll(() => api.close());

    it('needs an API key', async () => {
      const reply = await rawRequest(api.url, 'GET', '/metrics');
      expect({ status: reply.status, code: reply.body?.code }).toEqual({
        status: 401,
        code: 'UNAUTHENTICATED',
      });
      expect(reply.headers['content-type']).toMatch(/^application\/problem\+json/);
      const wrong = await rawRequest(api.url, 'GET', '/metrics', {
        authorization: 'Bearer not-a-configured-key-000',
      });
      expect(wrong.status).toBe(401);
    });

    it('answers any role with a key', async () => {
      for (const key of [KEYS.inspector, KEYS.scheduler, KEYS.operatorT01, KEYS.admin]) {
        const reply = await rawRequest(api.url, 'GET', '/metrics', {
          authorization: `Bearer ${key}`,
        });
        expect(reply.status).toBe(200);
        expect(reply.text).toContain('gongjian_http_request_duration_seconds');
      }
    });

    it('keeps /health open', async () => {
      expect((await rawRequest(api.url, 'GET', '/health')).status).toBe(200);
    });
  });

  it('stays open outside production', async () => {
    const api = await startApi();
    try {
      const reply = await rawRequest(api.url, 'GET', '/metrics');
      expect(reply.status).toBe(200);
      expect(reply.text).toContain('gongjian_');
    } finally {
      await api.close();
    }
  });

  it('is served open on its own address, and nothing else is', async () => {
    const server = await startMetricsServer(createMetricsRegistry(), '127.0.0.1', 0);
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const reply = await rawRequest(url, 'GET', '/metrics');
      expect(reply.status).toBe(200);
      expect(reply.text).toContain('gongjian_process_cpu');
      const other = await rawRequest(url, 'GET', '/api/v1/organizations/x');
      expect({ status: other.status, code: other.body?.code }).toEqual({
        status: 404,
        code: 'ROUTE_NOT_FOUND',
      });
    } finally {
      server.close();
    }
  });
});
