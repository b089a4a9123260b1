import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEV_SIGNING_KEY_FILE, loadAuditSigner } from '@gongjian/audit';
import { KurrentDbEventStore } from '../../libs/event-store/src/adapters/kurrentdb/kurrentdb.event-store';
import { KurrentDbDouble, startKurrentDbDouble } from '../kurrentdb-double/kurrentdb-double';
import { client, Harness, startApi } from './api-harness';

const organ = {
  id: 'org-outage',
  name: '县发改局机关党支部',
  level: 'branch',
  sector: 'organ',
  departmentKind: 'economic',
  township: 'T01',
};

describe('KurrentDB outages through the API', () => {
  let double: KurrentDbDouble;
  let api: Harness;

  beforeAll(async () => {
    double = await startKurrentDbDouble();
    const store = new KurrentDbEventStore(double.url, { timeoutMs: 1500 });
    await store.ping(); // as startup does before serving
    api = await startApi({ store });
  });
  afterAll(async () => {
    await api?.close();
    await double?.close();
  });

  it('the server stopped before an append: 503 problem, nothing written; after restart the same request succeeds once', async () => {
    const headers = { 'idempotency-key': 'register-during-outage' };
    await double.stop();
    const refused = await client(api).post('/organizations', organ, headers);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ status: 503, code: 'STORE_UNAVAILABLE' });

    await double.start();
    await untilAvailable(api);
    expect(await api.store.readStream('organization-org-outage')).toEqual([]);
    const accepted = await client(api).post('/organizations', organ, headers);
    expect(accepted.status).toBe(201);
    const retried = await client(api).post('/organizations', organ, headers);
    expect(retried.body).toEqual(accepted.body);
    const stored = await api.store.readStream('organization-org-outage');
    expect(stored.map((e) => e.type)).toEqual(['OrganizationRegistered']);
  });
});

/** The client reconnects on its own; give it a bounded moment after the restart. */
async function untilAvailable(api: Harness, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await api.store.ping();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe('startup against a server that accepts connections and never answers', () => {
  const out = join(__dirname, '..', '..', '.cache', `startup-dist-${process.pid}`);
  let silent: KurrentDbDouble;

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/compile.mjs', '--out', out], {
      cwd: join(__dirname, '..', '..'),
    });
    silent = await startKurrentDbDouble({ silent: true });
  });
  afterAll(async () => {
    await silent?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('exits non-zero within 10 s with one line naming KURRENTDB_URL', async () => {
    const started = Date.now();
    const child = spawn(process.execPath, [join(out, 'apps/api/src/main.js')], {
      env: { ...process.env, KURRENTDB_URL: silent.url, DATA_DIR: join(out, 'data'), PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    const elapsed = Date.now() - started;

    expect(code).not.toBe(0);
    expect(elapsed).toBeLessThan(10_000);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('KURRENTDB_URL');
    expect(lines[0]).toContain(`127.0.0.1:${silent.port}`);
  }, 20_000);

  /** The api started in production with its keys, but the audit signing key as given. */
  async function productionStart(dataDir: string, auditSigningKey: string) {
    const child = spawn(process.execPath, [join(out, 'apps/api/src/main.js')], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        API_KEYS: JSON.stringify([{ key: 'a-production-key-of-32-chars-000', role: 'admin' }]),
        PERSONAL_DATA_KEY: Buffer.alloc(32, 7).toString('base64'),
        AUDIT_SIGNING_KEY: auditSigningKey,
        DATA_DIR: dataDir,
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // An api that starts after all is stopped rather than left running.
      timeout: 15_000,
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    return { code, lines: stderr.trim().split('\n') };
  }

  it('in production without an audit signing key: one line naming it, and no store created', async () => {
    const dataDir = join(out, 'production-data');
    const { code, lines } = await productionStart(dataDir, '');
    expect(code).not.toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('AUDIT_SIGNING_KEY');
    expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(false);
  }, 20_000);

  it('in production with the key development generated: one line refusing it, no store created', async () => {
    const devDir = join(out, 'development-data');
    loadAuditSigner({
      auditLogOrigin: 'gongjian.local/audit-log',
      production: false,
      dataDir: devDir,
    });
    const generated = readFileSync(join(devDir, DEV_SIGNING_KEY_FILE), 'utf8').trim();
    const dataDir = join(out, 'production-data-dev-key');
    const { code, lines } = await productionStart(dataDir, generated);
    expect(code).not.toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^gongjian: AUDIT_SIGNING_KEY: a key development generated/);
    expect(existsSync(join(dataDir, 'events.sqlite'))).toBe(false);
  }, 20_000);
});
