import { createServer } from 'node:net';
import { client, Harness, KEYS, startApi } from './api-harness';

/** A loopback port nothing listens on: Redis "down". */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('evaluations with Redis down at start', () => {
  let api: Harness;

  beforeAll(async () => {
    const port = await closedPort();
    api = await startApi({
      config: {
        redisUrl: `redis://127.0.0.1:${port}`,
        jobsPrefix: `gj-e2e-down-${process.pid}-${Date.now()}`,
        startupTimeoutMs: 300,
        storeTimeoutMs: 300,
      },
    });
  }, 20_000);
  afterAll(() => api.close());

  it('still takes commands, and answers 503 JOBS_UNAVAILABLE to POST /evaluations with nothing written', async () => {
    const admin = client(api, KEYS.admin);
    const registered = await admin.post('/organizations', {
      id: 'v1',
      name: 'v1 村党支部',
      level: 'branch',
      sector: 'village',
      township: 'T01',
    });
    expect(registered.status).toBe(201);
    expect(
      (await admin.post('/organizations/v1/appraisal', { period: '2026', score: 80 })).status,
    ).toBe(201);
    const head = await api.store.headPosition();

    const refused = await client(api, KEYS.scheduler).post('/evaluations', { period: '2026' });

    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'JOBS_UNAVAILABLE', status: 503 });
    expect(JSON.stringify(refused.body)).not.toMatch(/at .*\.ts:\d+/);
    expect(await api.store.headPosition()).toBe(head);
    expect((await admin.get('/organizations/v1')).status).toBe(200);
  });
});
