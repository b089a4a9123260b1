import { MAX_AMOUNT_FEN } from '@gongjian/domain';
import { client, Harness, KEYS, startApi } from './api-harness';

const YEAR = new Date().getUTCFullYear();
const TODAY = new Date().toISOString().slice(0, 10);

type Problem = { code?: string; errors?: { field: string; message: string }[]; revision?: number };

const village = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `${id} 村党支部`,
  level: 'branch',
  sector: 'village',
  township: 'T01',
  ...extra,
});

describe('hostile field values over HTTP', () => {
  let api: Harness;
  const admin = () => client(api, KEYS.admin);
  const fieldsOf = (body: Problem) => [...new Set((body.errors ?? []).map((e) => e.field))];

  /** The store's head before and after: a refused command writes nothing. */
  async function refused(send: () => Promise<{ status: number; body: Problem }>) {
    const before = await api.store.headPosition();
    const reply = await send();
    expect(await api.store.headPosition()).toEqual(before);
    return reply;
  }

  beforeAll(async () => {
    api = await startApi();
    expect((await admin().post('/organizations', village('HF-V1'))).status).toBe(201);
    expect(
      (await admin().post('/budgets', { year: YEAR, source: 'county_finance', amountFen: 0 }))
        .status,
    ).toBe(201);
    const allocation = await admin().post('/budgets', {
      year: YEAR,
      source: 'org_dept_award',
      amountFen: 1_000_000,
    });
    expect(allocation.status).toBe(201);
    const created = await admin().post('/allocations', {
      id: 'HF-A1',
      budgetId: `${YEAR}-org_dept_award`,
      recipientOrganizationId: 'HF-V1',
      amountFen: 500_000,
      purpose: 'service_center',
      decisionRef: '部务会纪要',
    });
    expect(created.status).toBe(201);
  });
  afterAll(() => api.close());

  describe('amounts', () => {
    it.each([[MAX_AMOUNT_FEN + 1], [2 ** 53], [2 ** 53 + 2], [1e300]])(
      'refuses an amount of %d fen with 400 naming the field',
      async (amountFen) => {
        const reply = await refused(() =>
          admin().post<Problem>(`/budgets/${YEAR}-county_finance/increase`, {
            amountFen,
            reason: '追加',
          }),
        );
        expect(reply.status).toBe(400);
        expect(fieldsOf(reply.body)).toEqual(['amountFen']);
      },
    );

    it('keeps the pool within the ceiling: an increase past it is refused with 422, not lost', async () => {
      const path = `/budgets/${YEAR}-county_finance/increase`;
      const first = await admin().post<Problem>(path, { amountFen: MAX_AMOUNT_FEN, reason: '一' });
      expect(first.status).toBe(200);
      const over = await refused(() => admin().post<Problem>(path, { amountFen: 1, reason: '二' }));
      expect({ status: over.status, code: over.body.code }).toEqual({
        status: 422,
        code: 'TOTAL_CEILING_EXCEEDED',
      });
      const budget = await admin().get(`/budgets/${YEAR}-county_finance`);
      expect(budget.body).toMatchObject({ poolFen: MAX_AMOUNT_FEN });
    });
  });

  describe('text', () => {
    it.each([
      ['NUL', 'a\u0000b'],
      ['ESC', '\u001b[2J清屏'],
      ['CR/LF', '村\r\n支部'],
      ['U+202E', '村\u202e部支'],
      ['U+2067', '\u2067村'],
      ['U+200F', '村\u200f'],
      ['zero-width space', '张\u200b村'],
      ['a lone surrogate', '村\ud800'],
    ])('refuses %s in a name or a township with 400 naming the field', async (_, text) => {
      const name = await refused(() =>
        admin().post<Problem>('/organizations', village('HF-TEXT', { name: text })),
      );
      expect(name.status).toBe(400);
      expect(fieldsOf(name.body)).toEqual(['name']);
      const township = await refused(() =>
        admin().post<Problem>('/organizations', village('HF-TEXT', { township: text })),
      );
      expect(township.status).toBe(400);
      expect(fieldsOf(township.body)).toEqual(['township']);
    });

    it('refuses a bidi override in a reason and a zero-width joiner in a person name', async () => {
      const reason = await refused(() =>
        admin().post<Problem>(`/allocations/HF-A1/reduce`, { amountFen: 1, reason: 'ok\u202e' }),
      );
      expect(fieldsOf(reason.body)).toEqual(['reason']);
      const person = await refused(() =>
        admin().post<Problem>('/members', {
          organizationId: 'HF-V1',
          appliedOn: TODAY,
          person: {
            name: '李\u200d梅',
            gender: 'female',
            birthDate: '1995-03-15',
            education: '大专',
          },
        }),
      );
      expect(fieldsOf(person.body)).toEqual(['person.name']);
    });

    it('stores names in NFC', async () => {
      const created = await admin().post(
        '/organizations',
        village('HF-NFC', { name: 'Cafe\u0301 村' }),
      );
      expect(created.status).toBe(201);
      const read = await admin().get('/organizations/HF-NFC');
      expect(read.body.name).toBe('Caf\u00e9 村');
    });
  });

  describe('dates', () => {
    it('refuses a disbursement dated 0001-01-01', async () => {
      const reply = await refused(() =>
        admin().post<Problem>('/allocations/HF-A1/disbursements', {
          amountFen: 1,
          on: '0001-01-01',
          ref: '拨款单',
        }),
      );
      expect(reply.status).toBe(400);
      expect(fieldsOf(reply.body)).toEqual(['on']);
    });

    it('refuses a first secretary term ending 9999-12-31', async () => {
      const reply = await refused(() =>
        admin().post<Problem>('/organizations/HF-V1/first-secretary', {
          name: '刘洋',
          startsOn: TODAY,
          endsOn: '9999-12-31',
        }),
      );
      expect(reply.status).toBe(400);
      expect(fieldsOf(reply.body)).toEqual(['endsOn']);
    });

    it('refuses a renewal to 9999-12-31', async () => {
      const reply = await refused(() =>
        admin().post<Problem>('/pairings/any-pairing/renew', { endsOn: '9999-12-31' }),
      );
      expect(reply.status).toBe(400);
      expect(fieldsOf(reply.body)).toEqual(['endsOn']);
    });

    it('refuses a birth date in 1800', async () => {
      const reply = await refused(() =>
        admin().post<Problem>('/members', {
          organizationId: 'HF-V1',
          appliedOn: TODAY,
          person: { name: '李梅', gender: 'female', birthDate: '1800-01-01', education: '大专' },
        }),
      );
      expect(reply.status).toBe(400);
      expect(fieldsOf(reply.body)).toEqual(['person.birthDate']);
    });
  });

  describe('references', () => {
    it('refuses a parentId that names no registered organization', async () => {
      const reply = await refused(() =>
        admin().post<Problem>('/organizations', village('HF-CHILD', { parentId: 'HF-NOBODY' })),
      );
      expect({ status: reply.status, code: reply.body.code }).toEqual({
        status: 404,
        code: 'ORGANIZATION_NOT_FOUND',
      });
      const ok = await admin().post('/organizations', village('HF-CHILD', { parentId: 'HF-V1' }));
      expect(ok.status).toBe(201);
    });

    it('refuses a fromOrganizationId that names no registered organization', async () => {
      const reply = await refused(() =>
        admin().post<Problem>('/organizations/HF-V1/first-secretary', {
          name: '刘洋',
          fromOrganizationId: 'HF-NOBODY',
          startsOn: TODAY,
        }),
      );
      expect({ status: reply.status, code: reply.body.code }).toEqual({
        status: 404,
        code: 'ORGANIZATION_NOT_FOUND',
      });
    });
  });
});
