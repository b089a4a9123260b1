import { createHash } from 'node:crypto';
import { client, Harness, KEYS, startApi } from './api-harness';

const organ = (id: string, township = 'T01') => ({
  id,
  name: `${id} 机关党支部`,
  level: 'branch',
  sector: 'organ',
  departmentKind: 'party_mass',
  township,
});

describe('command pipeline over HTTP', () => {
  let api: Harness;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('answers a command with what it wrote, an ETag, and records the actor in the event', async () => {
    const reply = await client(api).post('/organizations', organ('org-meta'), {
      'x-correlation-id': 'corr-1',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      id: 'org-meta',
      streamId: 'organization-org-meta',
      revision: 0,
    });
    expect(reply.headers.get('etag')).toBe('"0"');
    const [event] = await api.store.readStream('organization-org-meta');
    expect(event.eventId).toBe((reply.body.eventIds as string[])[0]);
    expect(event.position).toBe(reply.body.position);
    expect(event.metadata).toMatchObject({
      correlationId: 'corr-1',
      actor: { id: 'admin:e2e admin', role: 'admin' },
      schemaVersion: 1,
    });
    expect(event.metadata.causationId).toBe(event.metadata.commandId);
  });

  it('stores a keyed fingerprint of the request, never the plain hash of its body', async () => {
    const body = organ('org-fingerprint');
    await client(api).post('/organizations', body);
    const [event] = await api.store.readStream('organization-org-fingerprint');
    const canonicalize = (await import('canonicalize')).default;
    const route = `POST /api/v1/organizations ${JSON.stringify({})}`;
    const plain = createHash('sha256')
      .update(`${route}\n${canonicalize(body)}`)
      .digest('hex');
    expect(event.metadata.requestHash).toMatch(/^[0-9a-f]{64}$/);
    expect(event.metadata.requestHash).not.toBe(plain);
  });

  it('the same request sent 10 times in parallel with one Idempotency-Key writes one set of events', async () => {
    const headers = { 'idempotency-key': 'register-org-par-1' };
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        client(api).post('/organizations', organ('org-par'), headers),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(201));
    expect(new Set(replies.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(await api.store.readStream('organization-org-par')).toHaveLength(1);
  });

  it('an Idempotency-Key reused with a different body is refused with 422 and writes nothing', async () => {
    const headers = { 'idempotency-key': 'count-1' };
    await client(api).post('/organizations', organ('org-key'));
    const first = await client(api).post(
      '/organizations/org-key/member-count',
      { year: 2025, count: 40 },
      headers,
    );
    expect(first.status).toBe(200);
    const again = await client(api).post(
      '/organizations/org-key/member-count',
      { year: 2025, count: 40 },
      headers,
    );
    expect(again.body).toEqual(first.body);
    const reused = await client(api).post(
      '/organizations/org-key/member-count',
      { year: 2025, count: 41 },
      headers,
    );
    expect(reused.status).toBe(422);
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await api.store.readStream('organization-org-key')).toHaveLength(2);
  });

  it('If-Match with a stale revision is refused with 412; the current one passes', async () => {
    await client(api).post('/organizations', organ('org-if'));
    const stale = await client(api).post(
      '/organizations/org-if/member-count',
      { year: 2025, count: 3 },
      { 'if-match': '"5"' },
    );
    expect(stale.status).toBe(412);
    const fresh = await client(api).post(
      '/organizations/org-if/member-count',
      { year: 2025, count: 3 },
      { 'if-match': '"0"' },
    );
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).toBe('"1"');
  });

  describe('refusals are problem+json and change nothing', () => {
    it('malformed JSON: 400', async () => {
      const reply = await client(api).post('/organizations', '{"id": "x",');
      expect(reply.status).toBe(400);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(reply.body).toMatchObject({ status: 400, title: 'Bad Request' });
    });

    it('invalid fields: 400 listing each field', async () => {
      const reply = await client(api).post<{ errors: { field: string }[] }>('/organizations', {
        name: '',
        level: 'boss',
        sector: 'farm',
        township: 7,
        unexpected: true,
      });
      expect(reply.status).toBe(400);
      const fields = new Set(reply.body.errors.map((e) => e.field));
      expect([...fields].sort()).toEqual(['level', 'name', 'sector', 'township', 'unexpected']);
    });

    it('a body over the limit: 413', async () => {
      const reply = await client(api).post('/organizations', {
        ...organ('big'),
        name: 'x'.repeat(70_000),
      });
      expect(reply.status).toBe(413);
      expect(await api.store.readStream('organization-big')).toEqual([]);
    });

    it('no key: 401; unknown key: 401', async () => {
      const none = await fetch(`${api.url}/api/v1/organizations/org-meta`);
      expect(none.status).toBe(401);
      expect(
        (await client(api, 'not-a-configured-key-123').get('/organizations/org-meta')).status,
      ).toBe(401);
    });

    it('inspector POST: 403; inspector GET: 200', async () => {
      const post = await client(api, KEYS.inspector).post('/organizations', organ('org-insp'));
      expect(post.status).toBe(403);
      expect(await api.store.readStream('organization-org-insp')).toEqual([]);
      expect((await client(api, KEYS.inspector).get('/organizations/org-meta')).status).toBe(200);
    });

    it('operator outside its townships: 403', async () => {
      const reply = await client(api, KEYS.operatorT01).post(
        '/organizations',
        organ('org-t09', 'T09'),
      );
      expect(reply.status).toBe(403);
      expect(reply.body).toMatchObject({ code: 'OUT_OF_SCOPE' });
      expect(await api.store.readStream('organization-org-t09')).toEqual([]);
    });

    it('unknown organization: 404', async () => {
      const reply = await client(api).post('/organizations/nobody/member-count', {
        year: 2025,
        count: 1,
      });
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({ code: 'ORGANIZATION_NOT_FOUND' });
    });

    it('never answers with a stack trace', async () => {
      const reply = await client(api).post('/organizations', '[1,2');
      expect(JSON.stringify(reply.body)).not.toMatch(/at .*\.(ts|js):\d+/);
    });
  });
});
