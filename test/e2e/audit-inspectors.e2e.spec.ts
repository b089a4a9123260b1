import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { verifyBundle } from '@gongjian/audit';
import { SqliteEventStore } from '@gongjian/event-store';
import { failingBeforeWrite } from '../support';
import { client, Harness, KEYS, startApi } from './api-harness';

const organ = (id: string) => ({
  id,
  name: `${id} 机关党支部`,
  level: 'branch',
  sector: 'organ',
  departmentKind: 'party_mass',
  township: 'T00',
});

describe('audit for inspectors over HTTP', () => {
  let api: Harness;
  let dir: string;
  const admin = () => client(api, KEYS.admin);
  const inspector = () => client(api, KEYS.inspector);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongjian-audit-e2e-'));
    api = await startApi({ store: new SqliteEventStore(join(dir, 'events.sqlite')) });
    for (const id of ['org-a', 'org-b', 'org-c']) {
      expect((await admin().post('/organizations', organ(id))).status).toBe(201);
    }
    await admin().post('/organizations/org-a/member-count', { year: 2025, count: 40 });
    await admin().post('/organizations/org-a/member-count', { year: 2026, count: 42 });
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is for inspectors and admins; checkpoints are signed on demand by admins and schedulers', async () => {
    expect((await client(api, 'no-such-key').get('/audit/verify')).status).toBe(401);
    expect((await client(api, KEYS.operatorT01).get('/audit/verify')).status).toBe(403);
    expect((await inspector().post('/audit/anchors', {})).status).toBe(403);
    const signed = await client(api, KEYS.scheduler).post('/audit/anchors', {});
    expect(signed.status).toBe(201);
    expect(signed.body).toMatchObject({
      treeSize: 5,
      previousTreeSize: 0,
      origin: 'gongjian.local/audit-log',
    });
    expect((await admin().get('/audit/verify')).status).toBe(200);
    const withInput = await admin().post('/audit/anchors', { treeSize: 1 });
    expect(withInput).toMatchObject({ status: 400, body: { code: 'INVALID_INPUT' } });
  });

  it('verifies the store and one stream against the latest checkpoint', async () => {
    const onDemand = await admin().post('/audit/anchors', { reason: '巡察前固定证据' });
    expect(onDemand.body).toMatchObject({ reason: '巡察前固定证据', previousTreeSize: 5 });
    const whole = await inspector().get('/audit/verify');
    expect(whole.status).toBe(200);
    expect(whole.body).toMatchObject({ ok: true, anchor: { treeSize: expect.any(Number) } });
    expect(whole.body.checkedEvents).toBeGreaterThan(
      (whole.body.anchor as { treeSize: number }).treeSize,
    );
    const stream = await inspector().get('/audit/streams/organization-org-a/verify');
    expect(stream.body).toMatchObject({ ok: true, checkedEvents: 3, checkedStreams: 1 });
    const unknown = await inspector().get('/audit/streams/organization-nobody/verify');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(unknown.body).toMatchObject({ code: 'STREAM_NOT_FOUND' });
  });

  it('serves the public key and every checkpoint, each consistent with the one before', async () => {
    const key = await inspector().get('/audit/public-key');
    expect(key.body.verifierKey).toMatch(/^gongjian\.local\/audit-log\+[0-9a-f]{8}\+/);
    expect(key.body.publicKeyPem).toContain('BEGIN PUBLIC KEY');
    const anchors = await inspector().get<{ items: Array<Record<string, unknown>> }>(
      '/audit/anchors',
    );
    expect(anchors.body.items.length).toBeGreaterThanOrEqual(2);
    expect(anchors.body.items[1].consistencyProof).not.toEqual([]);
    expect(anchors.body).toMatchObject({ nextCursor: null });
  });

  it('lists checkpoints a page at a time, as every list', async () => {
    type Page = { items: Array<{ revision: number }>; nextCursor: string | null };
    const all = (await inspector().get<Page>('/audit/anchors')).body.items;
    const seen: number[] = [];
    let cursor: string | null = '';
    for (let pages = 0; cursor !== null && pages < 10; pages++) {
      const query = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: { status: number; body: Page } = await inspector().get<Page>(
        `/audit/anchors?limit=1${query}`,
      );
      expect([page.status, page.body.items.length]).toEqual([200, 1]);
      seen.push(...page.body.items.map((item) => item.revision));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(all.map((item) => item.revision));
    expect((await inspector().get('/audit/anchors?limit=501')).status).toBe(400);
    expect((await inspector().get('/audit/anchors?cursor=bm9wZQ')).status).toBe(400);
  });

  it('exports a bundle that verifies offline with the county key, and fails edited', async () => {
    const key = (await inspector().get('/audit/public-key')).body.verifierKey as string;
    const response = await fetch(`${api.url}/api/v1/audit/export?streamPrefix=organization-`, {
      headers: { authorization: `Bearer ${KEYS.inspector}` },
    });
    expect(response.headers.get('content-type')).toMatch(/application\/x-ndjson/);
    const bundle = await response.text();
    const result = verifyBundle(bundle, { verifierKey: key, now: new Date() });
    expect(result).toMatchObject({ ok: true, events: 5 });
    const lines = bundle.split('\n');
    lines[3] = lines[3].replace(
      /"leaf":"(.)/,
      (_, c: string) => `"leaf":"${c === 'e' ? 'f' : 'e'}`,
    );
    expect(
      verifyBundle(lines.join('\n'), { verifierKey: key, now: new Date() }).firstFailure?.line,
    ).toBe(4);
  });

  it('refuses bad input with problem+json and a code', async () => {
    const twoAxes = await inspector().get(
      '/audit/streams/organization-org-a?asOf=2026-01-01T00:00:00Z&asOfRevision=1',
    );
    expect(twoAxes).toMatchObject({ status: 400, body: { code: 'AS_OF_AMBIGUOUS' } });
    expect(
      (await inspector().get('/audit/streams/organization-org-a?asOfRevision=-1')).status,
    ).toBe(400);
    expect((await inspector().get('/audit/export?streamPrefix=a%20b')).status).toBe(400);
    expect((await inspector().get('/audit/export?from=yesterday')).status).toBe(400);
  });

  it('replays a stream as of a revision, with the write side state', async () => {
    const replay = await inspector().get('/audit/streams/organization-org-a?asOfRevision=1');
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ streamId: 'organization-org-a', revision: 1 });
    expect(replay.body.events).toHaveLength(2);
    const [registered] = replay.body.events as Array<{ typeLabel: string; organizationIds: [] }>;
    // Each event in the Audit event shape, as the audit trail gives it.
    expect(registered).toMatchObject({ typeLabel: '党组织登记', organizationIds: ['org-a'] });
    const anchors = await inspector().get('/audit/streams/audit-anchors');
    expect(anchors.body).toMatchObject({ state: null, note: expect.stringContaining('no state') });
  });

  it('answers a checkpoint as a command, and a key again with the first checkpoint', async () => {
    const key = { 'idempotency-key': 'checkpoint-before-inspection' };
    const signed = await admin().post('/audit/anchors', { reason: '巡察' }, key);
    expect(signed.status).toBe(201);
    expect(signed.body).toMatchObject({
      id: String(signed.body.revision),
      streamId: 'audit-anchors',
      eventIds: [expect.any(String)],
      position: expect.any(String),
      treeSize: expect.any(Number),
    });
    expect(signed.headers.get('etag')).toBe(`"${signed.body.revision}"`);
    await admin().post('/organizations/org-a/member-count', { year: 2024, count: 12 });
    const again = await admin().post('/audit/anchors', { reason: '巡察' }, key);
    expect(again.body).toEqual(signed.body);
    const other = await admin().post('/audit/anchors', { reason: '另一次' }, key);
    expect([other.status, other.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const anchors = await api.store.readStream('audit-anchors');
    expect(anchors[anchors.length - 1].eventId).toBe((signed.body.eventIds as string[])[0]);
  });

  it('records every inspector request where inspectors cannot write, and shows it in the audit trail', async () => {
    await inspector().get('/audit/anchors?marker=1');
    await inspector().get('/organizations/org-a');
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const recorded = await api.store.readStream(`audit-access-${month}`);
    const urls = recorded.map((e) => e.data.url);
    expect(urls.some((u) => String(u).startsWith('/api/v1/audit/anchors?marker=1'))).toBe(true);
    expect(urls.some((u) => String(u).startsWith('/api/v1/audit/verify'))).toBe(true);
    expect(urls.some((u) => String(u).startsWith('/api/v1/organizations/org-a'))).toBe(true);
    expect(recorded.every((e) => e.metadata.actor.role === 'inspector')).toBe(true);
    const trail = await admin().get<{ items: Array<Record<string, unknown>> }>(
      '/audit/events?type=InspectorAccessRecorded&limit=500',
    );
    expect(trail.body.items.length).toBeGreaterThan(0);
    expect(trail.body.items[0]).toMatchObject({
      typeLabel: '审计查阅记录',
      streamId: `audit-access-${month}`,
    });
  });

  it('reads a date alone in from and to as the whole day, Beijing time', async () => {
    type Page = { items: Array<{ recordedAt: string }> };
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const registered = '/audit/events?type=OrganizationRegistered&limit=500';
    const all = (await inspector().get<Page>(registered)).body.items;
    const day = await inspector().get<Page>(`${registered}&from=${today}&to=${today}`);
    expect(day.body.items).toHaveLength(all.length);
    const dayBefore = new Date(Date.now() - 16 * 3_600_000).toISOString().slice(0, 10);
    const before = await inspector().get<Page>(`${registered}&to=${dayBefore}`);
    expect(before.body.items).toHaveLength(0);
  });

  it('finds a deleted tail event in the running store and names it, before and after the next checkpoint', async () => {
    await admin().post('/audit/anchors', {});
    const db = new BetterSqlite3(join(dir, 'events.sqlite'));
    db.prepare("DELETE FROM events WHERE stream_id = 'organization-org-a' AND revision = 2").run();
    db.close();
    const verify = await inspector().get('/audit/verify');
    expect(verify.body).toMatchObject({
      ok: false,
      firstBrokenLink: { streamId: 'organization-org-a', revision: 2, reason: 'event_missing' },
    });
    const stream = await inspector().get('/audit/streams/organization-org-a/verify');
    expect(stream.body).toMatchObject({
      ok: false,
      firstBrokenLink: { streamId: 'organization-org-a', revision: 2, reason: 'event_missing' },
    });
    // The next checkpoint extends the tree as it was anchored, so the deletion stays visible.
    expect((await admin().post('/audit/anchors', {})).status).toBe(201);
    const again = await inspector().get('/audit/verify');
    expect(again.body).toMatchObject({
      ok: false,
      firstBrokenLink: { streamId: 'organization-org-a', revision: 2, reason: 'event_missing' },
    });
    const bundle = await inspector().get('/audit/export');
    expect(bundle).toMatchObject({ status: 409, body: { code: 'AUDIT_LOG_DIVERGED' } });
  });
});

describe('an inspector read that cannot be recorded', () => {
  it('is refused with 503, not served unrecorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongjian-audit-e2e-'));
    const store = failingBeforeWrite(new SqliteEventStore(join(dir, 'events.sqlite')));
    const api = await startApi({ store });
    try {
      const refused = await client(api, KEYS.inspector).get('/audit/anchors');
      expect(refused).toMatchObject({ status: 503, body: { code: 'AUDIT_ACCESS_NOT_RECORDED' } });
      expect(refused.body).not.toHaveProperty('items');
      const served = await client(api, KEYS.inspector).get('/audit/anchors');
      expect(served.status).toBe(200);
    } finally {
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
