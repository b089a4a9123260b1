import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@gongjian/config';
import { SqliteEventStore } from '@gongjian/event-store';
import { READ_MODEL_READER, ReadModelReader } from '@gongjian/projections';
import { SqliteDocumentStore } from '@gongjian/read-store';
import { createApp } from '../../apps/api/src/bootstrap/create-app';
import { ProjectionsHealthIndicator } from '../../apps/api/src/health/projections.health';
import { READ_MODELS } from '../../scripts/bench/bench-projections';
import { KEYS } from './api-harness';

const organ = (id: string) => ({
  id,
  name: `县直机关党支部${id}`,
  level: 'branch',
  sector: 'organ',
  departmentKind: 'economic',
  township: 'T01',
});

async function start(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongjian-projections-e2e-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const store = new SqliteEventStore(join(dataDir, 'events.sqlite'), { pollIntervalMs: 50 });
  const readStore = new SqliteDocumentStore(join(dataDir, 'read-models.sqlite'));
  const app: NestFastifyApplication = await createApp(
    {
      config,
      store,
      readStore,
      projections: READ_MODELS,
      apiKeys: [{ key: KEYS.admin, role: 'admin', name: 'e2e admin' }],
      personalDataKey: randomBytes(32),
    },
    { logs: false },
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const inject = (method: 'GET' | 'POST', url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${KEYS.admin}` },
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
  return {
    app,
    store,
    inject,
    reader: app.get<ReadModelReader>(READ_MODEL_READER),
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

describe('projections hosted by the api (embedded mode)', () => {
  let api: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    api = await start({ MIN_POSITION_WAIT_MS: '3000' });
  });
  afterAll(() => api?.close());

  it("a command's position as minPosition: the read models show the command's events", async () => {
    for (const id of ['org-a', 'org-b', 'org-c']) {
      const reply = await api.inject('POST', '/api/v1/organizations', organ(id));
      expect(reply.statusCode).toBe(201);
    }
    const last = (await api.inject('POST', '/api/v1/organizations', organ('org-d'))).json();
    await api.reader.waitForPosition(last.position);
    const counts = await api.reader.collection('event-counts', 'type_event_counts');
    expect((await counts.findById('OrganizationRegistered'))?.count).toBe(4);
    const streams = await api.reader.collection('event-counts', 'stream_event_counts');
    expect((await streams.findById('organization-org-d'))?.count).toBe(1);
  });

  it('/ready is ready once caught up, and /metrics exports the projection lag', async () => {
    const head = (await api.store.headPosition()) as string;
    await api.reader.waitForPosition(head);
    const ready = await api.inject('GET', '/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().info.readModels).toMatchObject({ status: 'up', engine: 'sqlite' });
    await new Promise((r) => setTimeout(r, 5200)); // one lag refresh
    const metrics = await api.inject('GET', '/metrics');
    expect(metrics.body).toMatch(
      /gongjian_projection_time_lag_seconds\{projection="event-counts"\} 0/,
    );
    expect(metrics.body).toMatch(
      /gongjian_projection_events_total\{projection="event-counts"\} \d+/,
    );
  }, 15_000);
});

describe('the api with PROJECTIONS=off (a worker runs them)', () => {
  let api: Awaited<ReturnType<typeof start>>;
  beforeAll(async () => {
    api = await start({
      PROJECTIONS: 'off',
      READY_MAX_LAG_EVENTS: '1',
      MIN_POSITION_WAIT_MS: '300',
    });
  });
  afterAll(() => api?.close());

  it('still accepts commands; /ready says not ready while read models lag; minPosition answers 504', async () => {
    const first = await api.inject('POST', '/api/v1/organizations', organ('org-x'));
    expect(first.statusCode).toBe(201);
    const second = await api.inject('POST', '/api/v1/organizations', organ('org-y'));
    expect(second.statusCode).toBe(201);
    const ready = await api.inject('GET', '/ready');
    expect(ready.statusCode).toBe(503);
    // The answer names what is not ready, with the report of every check.
    expect(ready.headers['content-type']).toContain('application/problem+json');
    expect(ready.json()).toMatchObject({
      status: 503,
      code: 'NOT_READY',
      detail: 'not ready: readModels',
      checks: { eventStore: { status: 'up' }, readModels: { status: 'down' } },
    });
    const readModels = await api.app.get(ProjectionsHealthIndicator).check();
    expect(readModels.readModels).toMatchObject({
      status: 'down',
      message: 'read models are behind the log',
      lagging: expect.arrayContaining([
        expect.objectContaining({ projection: 'event-counts', lagEvents: 2 }),
      ]),
    });
    await expect(api.reader.waitForPosition(second.json().position, 300)).rejects.toMatchObject({
      code: 'READ_MODEL_LAGGING',
    });
  });
});
