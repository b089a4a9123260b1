import { Harness, startApi } from './api-harness';
import { errorStatusesOf } from '../../apps/api/src/bootstrap/openapi/error-responses';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

describe('the OpenAPI document at /docs-json', () => {
  let api: Harness;
  let document: Json;
  const operations = () =>
    Object.entries(document.paths as Json).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((method) => ({ path, method, operation: item[method] })),
    );
  const resolve = (response: Json): Json =>
    response.$ref
      ? document.components.responses[response.$ref.replace('#/components/responses/', '')]
      : response;

  beforeAll(async () => {
    api = await startApi();
    const reply = await fetch(`${api.url}/docs-json`);
    expect(reply.status).toBe(200);
    document = (await reply.json()) as Json;
  });
  afterAll(() => api.close());

  it('describes the problem+json schema', () => {
    expect(document.components.schemas.Problem).toMatchObject({
      type: 'object',
      required: ['type', 'title', 'status', 'detail', 'code'],
    });
  });

  it('gives every operation 4xx responses in problem+json, and a success status', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(20);
    for (const { path, method, operation } of all) {
      const statuses = Object.keys(operation.responses);
      const errors = statuses.filter((s) => /^[45]\d\d$/.test(s));
      expect({ path, method, has4xx: errors.some((s) => s.startsWith('4')) }).toEqual({
        path,
        method,
        has4xx: true,
      });
      expect(statuses.some((s) => /^2\d\d$/.test(s))).toBe(true);
      // The readiness probe's 503 is its own JSON report (terminus), documented by its controller.
      const problems = path === '/ready' ? errors.filter((s) => s.startsWith('4')) : errors;
      for (const status of problems) {
        const content = resolve(operation.responses[status]).content;
        expect({ path, method, status, types: Object.keys(content ?? {}) }).toEqual({
          path,
          method,
          status,
          types: ['application/problem+json'],
        });
      }
    }
  });

  it('documents the statuses each kind of operation can answer', () => {
    const byRoute = (method: string, path: string) =>
      Object.keys(document.paths[path][method].responses).sort();
    expect(byRoute('post', '/api/v1/organizations')).toEqual(
      ['201', '400', '401', '403', '404', '409', '412', '413', '415', '422', '503'].sort(),
    );
    expect(byRoute('post', '/api/v1/budgets/{id}/increase')).toContain('200');
    // A query that takes minPosition may also answer 504 READ_MODEL_LAGGING.
    expect(byRoute('get', '/api/v1/organizations/{id}')).toEqual(
      ['200', '400', '401', '403', '404', '503', '504'].sort(),
    );
    expect(
      errorStatusesOf('get', '/api/v1/organizations', {
        responses: {},
        parameters: [{ name: 'minPosition', in: 'query' }],
      }),
    ).toContain(504);
  });

  it('asks for the API key everywhere but on the public probes', () => {
    expect(document.security).toEqual([{ bearer: [] }]);
    for (const { path, operation } of operations()) {
      const isPublic = ['/health', '/ready', '/metrics'].includes(path) || path.startsWith('/docs');
      expect({ path, security: operation.security }).toEqual({
        path,
        security: isPublic ? [] : [{ bearer: [] }],
      });
    }
    expect(document.paths['/health'].get.security).toEqual([]);
  });

  it('gives every command its headers and its answer, and the key scheme as an API key', () => {
    const commands = operations().filter(
      ({ method, operation }) =>
        method === 'post' && (operation.responses['201'] || operation.responses['200']),
    );
    expect(commands.length).toBeGreaterThan(20);
    for (const { path, operation } of commands) {
      const headers = (operation.parameters as Json[])
        .filter((p) => p.in === 'header')
        .map((p) => p.name);
      expect({ path, headers }).toEqual({ path, headers: ['Idempotency-Key', 'If-Match'] });
      const success = operation.responses['201'] ?? operation.responses['200'];
      expect({ path, etag: Boolean(success.headers?.ETag) }).toEqual({ path, etag: true });
      expect(success.content['application/json'].schema).toBeDefined();
    }
    const created = document.paths['/api/v1/organizations'].post.responses['201'];
    expect(created.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/CommandResult',
    });
    expect(document.components.schemas.CommandResult.required).toEqual([
      'id',
      'streamId',
      'revision',
      'position',
      'eventIds',
    ]);
    expect(document.components.securitySchemes.bearer.bearerFormat).not.toBe('JWT');
  });
});
