import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AuditAnchorService,
  formatVerifierKey,
  LEAF_INDEX_FILE,
  LeafIndex,
  loadAuditSigner,
  verifierOf,
} from '@gongjian/audit';
import { loadConfig } from '@gongjian/config';
import { EventStore, SqliteEventStore } from '@gongjian/event-store';
import { auditCommand } from './audit.command';

describe('gongjian audit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-cli-audit-'));
  const config = {
    ...loadConfig({ DATA_DIR: dir, AUDIT_SIGNING_KEY: Buffer.alloc(32, 3).toString('base64') }),
  };
  const key = formatVerifierKey(verifierOf(loadAuditSigner(config)));
  const otherKey = formatVerifierKey(
    verifierOf(
      loadAuditSigner({ ...config, auditSigningKey: Buffer.alloc(32, 4).toString('base64') }),
    ),
  );
  let store: EventStore;
  let output: string[];

  const run = async (...args: string[]) => {
    output = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk));
      return true;
    });
    const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    process.exitCode = undefined;
    try {
      await auditCommand(
        (use) => use(store),
        () => config,
      ).parseAsync(args, { from: 'user' });
      return process.exitCode ?? 0;
    } finally {
      write.mockRestore();
      stderr.mockRestore();
      process.exitCode = undefined;
    }
  };

  beforeAll(async () => {
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    const event = (n: number) => ({
      eventId: `00000000-0000-4000-8000-00000000000${n}`,
      type: 'MemberCountRecorded',
      data: { organizationId: 'org-a', year: 2020 + n, count: 10 + n },
      metadata: {
        commandId: `c${n}`,
        correlationId: `c${n}`,
        causationId: `c${n}`,
        actor: { id: 'admin', role: 'admin' },
        occurredAt: `2026-0${n + 1}-15T02:00:00.000Z`,
        schemaVersion: 1,
      },
    });
    for (let n = 0; n < 4; n++) await store.append('audit-demo-a', [event(n)], 'any');
    const leaves = new LeafIndex(join(dir, LEAF_INDEX_FILE));
    await new AuditAnchorService(store, leaves, loadAuditSigner(config)).anchor({
      id: 'cli',
      role: 'admin',
    });
    leaves.close();
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('exports a bundle and verifies it offline, one line per check', async () => {
    const bundle = join(dir, 'bundle.ndjson');
    expect(await run('export', '--out', bundle)).toBe(0);
    const keyFile = join(dir, 'county.vkey');
    writeFileSync(keyFile, `${key}\n`);
    expect(await run('verify', bundle, '--key', keyFile)).toBe(0);
    expect(output.join('')).toMatch(/^signature\s+ok$/m);
    expect(output.join('')).toMatch(/^staleness\s+ok$/m);
    expect(output.join('')).toContain('bundle verified');
  });

  it('names the first line that fails, the check, and exits 2', async () => {
    const bundle = join(dir, 'bundle.ndjson');
    const lines = readFileSync(bundle, 'utf8').split('\n');
    lines[2] = lines[2].replace('"index":0', '"index":1');
    writeFileSync(join(dir, 'edited.ndjson'), lines.join('\n'));
    expect(await run('verify', join(dir, 'edited.ndjson'), '--key', key)).toBe(2);
    expect(output.join('')).toMatch(/^inclusion\s+FAILED at line 3: /m);
    expect(await run('verify', bundle, '--key', otherKey)).toBe(2);
    expect(output.join('')).toMatch(/^signature\s+FAILED at line 1: /m);
    expect(await run('verify', bundle, '--key', key, '--now', '2099-01-01T00:00:00Z')).toBe(2);
    expect(output.join('')).toMatch(/^staleness\s+FAILED at line 2: /m);
  });

  it('with a key it cannot read, says the checks that need one were not run', async () => {
    const unreadable = `${key.split('+').slice(0, 2).join('+')}+AAAA`;
    expect(await run('verify', join(dir, 'bundle.ndjson'), '--key', unreadable)).toBe(2);
    const printed = output.join('');
    expect(printed).toMatch(/^format\s+FAILED at line 1: /m);
    for (const check of ['signature', 'consistency', 'inclusion', 'staleness'])
      expect(printed).toMatch(new RegExp(`^${check}\\s+not run`, 'm'));
    expect(printed).not.toMatch(/^signature\s+ok$/m);
  });

  it('verifies the store, and replays a stream as of a date or an instant', async () => {
    expect(await run('verify', '--store')).toBe(0);
    expect(JSON.parse(output.join(''))).toMatchObject({ ok: true, checkedEvents: 5 });
    expect(await run('replay', 'audit-demo-a', '--as-of', '2026-02-15')).toBe(0);
    expect(JSON.parse(output.join(''))).toMatchObject({ revision: 1, events: 2, state: null });
    expect(await run('replay', 'audit-demo-a', '--as-of', '2000-01-01T00:00:00Z')).toBe(0);
    expect(JSON.parse(output.join(''))).toMatchObject({ revision: -1, events: 0 });
  });
});
