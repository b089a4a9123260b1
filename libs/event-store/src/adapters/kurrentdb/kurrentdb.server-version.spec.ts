import { mkdtempSync, rmSync } from 'node:fs';
import { testEvent } from '../../../../../test/support';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@gongjian/config';
import { randomUUID } from 'node:crypto';
import {
  KurrentDbDouble,
  startKurrentDbDouble,
} from '../../../../../test/kurrentdb-double/kurrentdb-double';
import { StoreUnavailableError } from '../../event-store.errors';
import { openEventStore } from '../../open-event-store';
import { KurrentDbEventStore } from './kurrentdb.event-store';

const event = () => testEvent({}, 'VersionTested');

describe('KurrentDB server version at startup', () => {
  let dir: string;
  let double: KurrentDbDouble | undefined;
  const settings = (url: string) => ({
    kurrentdbUrl: url,
    dataDir: dir,
    storeTimeoutMs: 2000,
    startupTimeoutMs: 5000,
  });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongjian-version-'));
  });
  afterEach(async () => {
    await double?.close();
    double = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a server older than 25.1 with one line naming KURRENTDB_URL and the version needed', async () => {
    double = await startKurrentDbDouble({ serverVersion: '24.10.0' });
    const error = await openEventStore(settings(double.url)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/^KURRENTDB_URL: /);
    expect(message).toContain(`127.0.0.1:${double.port}`);
    expect(message).toContain('25.1 or later is needed');
    expect(message).toContain('24.10.0');
    expect(message).not.toContain('\n');
  });

  it('an older server reached anyway: appendMany fails with StoreUnavailableError and writes nothing', async () => {
    double = await startKurrentDbDouble({ serverVersion: '24.10.0' });
    const store = new KurrentDbEventStore(double.url, { timeoutMs: 2000 });
    try {
      const [a, b] = [`old-${randomUUID()}`, `old-${randomUUID()}`];
      await expect(
        store.appendMany([
          { streamId: a, events: [event()], expected: 'no_stream' },
          { streamId: b, events: [event()], expected: 'no_stream' },
        ]),
      ).rejects.toThrow(StoreUnavailableError);
      expect(await store.readStream(a)).toEqual([]);
      expect(await store.readStream(b)).toEqual([]);
      // One stream needs no multi-stream append.
      await expect(store.append(a, [event()], 'no_stream')).resolves.toMatchObject({ revision: 0 });
    } finally {
      await store.close();
    }
  });

  it('opens on 25.1 and appends to several streams atomically', async () => {
    double = await startKurrentDbDouble({ serverVersion: '25.1.0' });
    const store = await openEventStore(settings(double.url));
    try {
      const [a, b] = [`v-${randomUUID()}`, `v-${randomUUID()}`];
      const results = await store.appendMany([
        { streamId: a, events: [event()], expected: 'no_stream' },
        { streamId: b, events: [event()], expected: 'no_stream' },
      ]);
      expect(results.map((r) => r.streamId)).toEqual([a, b]);
    } finally {
      await store.close();
    }
  });
});
