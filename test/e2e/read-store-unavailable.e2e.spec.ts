import { AddressInfo, Server } from 'node:net';
import { startStuckMongoServer } from '@gongjian/testing';
import { MongoDocumentStore } from '../../libs/read-store/src/adapters/mongodb/mongodb.document-store';
import { client, Harness, startApi } from './api-harness';

/**
 * The read store's server answers its heartbeats but no query: every query must end as API.md
 * says a store that is unavailable ends one (503 `STORE_UNAVAILABLE`), within the store's
 * deadline, and commands still land in the event store.
 */
describe('a query while the MongoDB read store does not answer', () => {
  let server: Server;
  let harness: Harness;

  beforeAll(async () => {
    server = await startStuckMongoServer();
    const { port } = server.address() as AddressInfo;
    const readStore = await MongoDocumentStore.connect(`mongodb://127.0.0.1:${port}/stuck`, {
      timeoutMs: 200,
      replyTimeoutMs: 300,
    });
    harness = await startApi({ readStore });
  });

  afterAll(async () => {
    await harness?.close();
    server?.close();
  });

  it('answers 503 STORE_UNAVAILABLE as problem+json, with nothing internal in it', async () => {
    const api = client(harness);
    const reply = await api.get('/organizations');
    expect(reply.status).toBe(503);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body).toMatchObject({
      status: 503,
      code: 'STORE_UNAVAILABLE',
      detail: 'the read store is unavailable; retry later',
    });
    expect(JSON.stringify(reply.body)).not.toMatch(/stuck|127\.0\.0\.1|at .+\.js/);
  });

  it('still records a command, which does not need the read store', async () => {
    const api = client(harness);
    const reply = await api.post('/organizations', {
      name: '县农业农村局机关党支部',
      level: 'branch',
      sector: 'organ',
      departmentKind: 'economic',
      township: 'T01',
    });
    expect(reply.status).toBe(201);
    expect(await harness.store.headPosition()).toBe(reply.body.position);
  });
});
