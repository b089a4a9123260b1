import { client, Harness, KEYS, startApi } from './api-harness';

const organ = (id: string) => ({
  id,
  name: `${id} 机关党支部`,
  level: 'branch',
  sector: 'organ',
  departmentKind: 'party_mass',
  township: 'T01',
});

describe('one Idempotency-Key, whatever stream or route it targets', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);
  const eventCount = async () => (await api.store.readAll({ limit: 100_000 })).length;

  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('key K on organization A, then K on organization B: 422 IDEMPOTENCY_KEY_REUSED, B never written', async () => {
    const headers = { 'idempotency-key': 'K-across' };
    expect((await admin().post('/organizations', organ('org-k-a'), headers)).status).toBe(201);
    const before = await eventCount();
    const reused = await admin().post('/organizations', organ('org-k-b'), headers);
    expect(reused.status).toBe(422);
    expect(reused.headers.get('content-type')).toContain('application/problem+json');
    expect(reused.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await api.store.readStream('organization-org-k-b')).toEqual([]);
    expect(await eventCount()).toBe(before);
  });

  it('the same key and body again: the first answer, no new event', async () => {
    const headers = { 'idempotency-key': 'K-same' };
    const first = await admin().post('/organizations', organ('org-k-same'), headers);
    const before = await eventCount();
    const again = await admin().post('/organizations', organ('org-k-same'), headers);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(await eventCount()).toBe(before);
  });

  it('the same key on another route: 422, nothing written', async () => {
    const headers = { 'idempotency-key': 'K-route' };
    expect((await admin().post('/organizations', organ('org-k-route'), headers)).status).toBe(201);
    const before = await eventCount();
    const budget = await admin().post(
      '/budgets',
      { year: 2026, source: 'party_dues', amountFen: 1_000 },
      headers,
    );
    expect(budget.status).toBe(422);
    expect(budget.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await eventCount()).toBe(before);
  });

  it('keys belong to their actor: another key holder may use the same key', async () => {
    const headers = { 'idempotency-key': 'K-actor' };
    expect((await admin().post('/organizations', organ('org-k-actor-1'), headers)).status).toBe(
      201,
    );
    const other = await client(api, KEYS.operatorT01).post(
      '/organizations',
      organ('org-k-actor-2'),
      headers,
    );
    expect(other.status).toBe(201);
  });
});
