import { client, Harness, KEYS, startApi } from './api-harness';
import { rawRequest, RawReply } from './raw-http';

const PROBLEM = /^application\/problem\+json/;
const json = (key: string = KEYS.admin) => ({
  authorization: `Bearer ${key}`,
  'content-type': 'application/json',
});

function expectProblem(reply: RawReply, status: number, code: string): void {
  expect({ status: reply.status, code: reply.body?.code }).toEqual({ status, code });
  expect(reply.headers['content-type']).toMatch(PROBLEM);
  expect(reply.body).toMatchObject({ status, title: expect.any(String), type: expect.any(String) });
}

const organization = (id: string, township = 'T01') => ({
  id,
  name: `${id} 村党支部`,
  level: 'branch',
  sector: 'village',
  township,
});

describe('hostile input over HTTP', () => {
  let api: Harness;
  const post = (path: string, body: string, headers: Record<string, string> = json()) =>
    rawRequest(api.url, 'POST', `/api/v1${path}`, headers, body);

  beforeAll(async () => {
    api = await startApi({ config: { bodyLimitBytes: 2 * 1_048_576 } });
    expect((await client(api).post('/organizations', organization('V-T02', 'T02'))).status).toBe(
      201,
    );
  });
  afterAll(() => api.close());

  describe('bodies are bounded before validation', () => {
    const manyKeys = (count: number) =>
      JSON.stringify(Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, i])));

    it('refuses a 1 MB body of 80,000 unknown keys with a short problem, /health still answering', async () => {
      const body = manyKeys(80_000);
      expect(body.length).toBeGreaterThan(1_000_000);
      const before = await api.store.headPosition();
      const replies = await Promise.all([
        post('/organizations', body),
        post('/organizations', body),
        post('/organizations', body),
        rawRequest(api.url, 'GET', '/health'),
      ]);
      for (const reply of replies.slice(0, 3)) {
        expectProblem(reply, 400, 'TOO_MANY_FIELDS');
        expect(reply.text.length).toBeLessThan(1000);
      }
      expect(replies[3].status).toBe(200);
      expect(await api.store.headPosition()).toEqual(before);
    });

    it('lists at most 50 invalid fields and counts them all', async () => {
      const reply = await post('/organizations', manyKeys(900));
      expectProblem(reply, 400, 'INVALID_INPUT');
      expect((reply.body?.errors as unknown[]).length).toBe(50);
      expect(reply.body?.errorCount).toBeGreaterThanOrEqual(900);
      expect(reply.text.length).toBeLessThan(10_000);
    });

    it.each([
      ['/organizations'],
      ['/pairings'],
      ['/budgets'],
      ['/allocations'],
      ['/members'],
      ['/organizations/V-T02/categories'],
    ])('answers 400 to JSON nested 10,000 deep and to 1e999 on POST %s', async (path) => {
      const before = await api.store.headPosition();
      expectProblem(
        await post(path, '['.repeat(10_000) + ']'.repeat(10_000)),
        400,
        'BODY_TOO_DEEP',
      );
      expectProblem(
        await post(path, '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000)),
        400,
        'BODY_TOO_DEEP',
      );
      expectProblem(await post(path, '{"name":1e999}'), 400, 'MALFORMED_JSON');
      expectProblem(await post(path, '{"x":{"y":[-1e400]}}'), 400, 'MALFORMED_JSON');
      expect(await api.store.headPosition()).toEqual(before);
    });

    it('still accepts strings that merely contain brackets, colons and commas', async () => {
      const reply = await client(api).post('/organizations', {
        ...organization('V-BRACKETS'),
        name: '[[[[[[[[[[[[[[[[[[[[:,:,:,{{{{{{{{{{{{{{{{{{{{ \\" 村',
      });
      expect(reply.status).toBe(201);
    });
  });

  describe('authorization header', () => {
    it.each([
      [`Bearer ${KEYS.admin} anything`],
      [`Bearer  ${KEYS.admin}`],
      [`Basic ${KEYS.admin}`],
      [`Bearer`],
      [`Bearer:${KEYS.admin}`],
      [KEYS.admin],
      [`Token ${KEYS.admin}`],
    ])('refuses %j with 401', async (authorization) => {
      const reply = await rawRequest(api.url, 'GET', '/api/v1/organizations/V-T02', {
        authorization,
      });
      expectProblem(reply, 401, 'UNAUTHENTICATED');
    });

    it('accepts the exact form, the scheme in any case', async () => {
      for (const scheme of ['Bearer', 'bearer', 'BEARER']) {
        const reply = await rawRequest(api.url, 'GET', '/api/v1/organizations/V-T02', {
          authorization: `${scheme} ${KEYS.admin}`,
        });
        expect(reply.status).toBe(200);
      }
    });
  });

  it('refuses GET /organizations/{id} to an operator outside its townships (403)', async () => {
    const reply = await client(api, KEYS.operatorT01).get('/organizations/V-T02');
    expect({ status: reply.status, code: reply.body.code }).toEqual({
      status: 403,
      code: 'OUT_OF_SCOPE',
    });
    expect((await client(api, KEYS.inspector).get('/organizations/V-T02')).status).toBe(200);
  });

  describe('X-Correlation-Id', () => {
    it.each([
      ['x'.repeat(129)],
      ['x'.repeat(10_000)],
      ['has space'],
      ['<script>'],
      ['a/b'],
      ['%E8%A1%8C'],
    ])('refuses %j with 400 and writes nothing', async (correlationId) => {
      const before = await api.store.headPosition();
      const reply = await post('/organizations', JSON.stringify(organization('V-CORR')), {
        ...json(),
        'x-correlation-id': correlationId,
      });
      expectProblem(reply, 400, 'INVALID_INPUT');
      expect((reply.body?.errors as { field: string }[])[0].field).toBe('X-Correlation-Id');
      expect(await api.store.headPosition()).toEqual(before);
    });

    it('keeps a well-formed one on the events', async () => {
      const reply = await client(api).post('/organizations', organization('V-CORR-OK'), {
        'x-correlation-id': 'batch-2026.11:042_a',
      });
      expect(reply.status).toBe(201);
      const [event] = await api.store.readStream('organization-V-CORR-OK');
      expect(event.metadata.correlationId).toBe('batch-2026.11:042_a');
    });
  });

  describe('every error is problem+json with a stable code', () => {
    it('414 for a path parameter that is too long', async () => {
      const reply = await rawRequest(api.url, 'GET', `/api/v1/organizations/${'a'.repeat(500)}`, {
        authorization: `Bearer ${KEYS.admin}`,
      });
      expectProblem(reply, 414, 'PATH_PARAMETER_TOO_LONG');
    });

    it('400 for a minPosition no command answered, at once and not after the wait', async () => {
      for (const minPosition of ['abc', '13']) {
        const reply = await rawRequest(
          api.url,
          'GET',
          `/api/v1/organizations?minPosition=${minPosition}`,
          { authorization: `Bearer ${KEYS.admin}` },
        );
        expectProblem(reply, 400, 'INVALID_INPUT');
      }
    });

    it('400 for a malformed percent-encoding', async () => {
      const reply = await rawRequest(api.url, 'GET', '/api/v1/organizations/%ff', {
        authorization: `Bearer ${KEYS.admin}`,
      });
      expectProblem(reply, 400, 'MALFORMED_URL');
    });

    it('431 for headers that are too large', async () => {
      const reply = await rawRequest(api.url, 'GET', '/health', { 'x-big': 'a'.repeat(20_000) });
      expectProblem(reply, 431, 'HEADERS_TOO_LARGE');
    });

    it('400 MALFORMED_JSON for a body that is not JSON, or empty', async () => {
      expectProblem(await post('/organizations', '{"name": '), 400, 'MALFORMED_JSON');
      expectProblem(await post('/organizations', ''), 400, 'MALFORMED_JSON');
      expectProblem(await post('/organizations', '{"__proto__":{"x":1}}'), 400, 'MALFORMED_JSON');
    });

    it('415 UNSUPPORTED_MEDIA_TYPE for another media type', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
        const reply = await post('/organizations', 'name=x', { ...json(), 'content-type': type });
        expectProblem(reply, 415, 'UNSUPPORTED_MEDIA_TYPE');
      }
    });

    it('404 ROUTE_NOT_FOUND for an unknown route', async () => {
      const reply = await rawRequest(api.url, 'GET', '/api/v1/nothing-here', json());
      expectProblem(reply, 404, 'ROUTE_NOT_FOUND');
    });

    it('405 METHOD_NOT_ALLOWED with Allow for a known path under another method', async () => {
      const reply = await rawRequest(api.url, 'DELETE', '/api/v1/organizations/V-T02', json(), '');
      expectProblem(reply, 405, 'METHOD_NOT_ALLOWED');
      expect(reply.headers.allow).toContain('GET');
      const put = await rawRequest(api.url, 'PUT', '/api/v1/organizations', json(), '{}');
      expectProblem(put, 405, 'METHOD_NOT_ALLOWED');
      expect(put.headers.allow).toContain('POST');
    });

    it('413 BODY_TOO_LARGE over the body limit', async () => {
      const reply = await post('/organizations', JSON.stringify({ name: 'x'.repeat(3_000_000) }));
      expectProblem(reply, 413, 'BODY_TOO_LARGE');
    });
  });
});
