import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@gongjian/event-store';
import { OWNER_ONLY_UMASK, secureDataDir } from './data-dir-permissions';

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe('DATA_DIR permissions', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'gongjian-perm-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates a missing DATA_DIR as 0700', () => {
    const dataDir = join(root, 'data');
    secureDataDir(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
  });

  it('narrows an existing 0755 directory and 0644 files, below it too', () => {
    const dataDir = join(root, 'data');
    mkdirSync(join(dataDir, 'read-models'), { recursive: true });
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'read-models'), 0o755);
    for (const file of [
      'events.sqlite',
      'events.sqlite-wal',
      'credentials.json',
      'read-models/docs.sqlite',
    ]) {
      writeFileSync(join(dataDir, file), 'x', { mode: 0o644 });
      chmodSync(join(dataDir, file), 0o644);
    }
    secureDataDir(dataDir);
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, 'read-models'))).toBe(0o700);
    for (const file of [
      'events.sqlite',
      'events.sqlite-wal',
      'credentials.json',
      'read-models/docs.sqlite',
    ]) {
      expect(modeOf(join(dataDir, file))).toBe(0o600);
    }
  });

  it('with the owner-only umask, a new SQLite store and its WAL are 0600', async () => {
    const previous = process.umask(OWNER_ONLY_UMASK);
    try {
      const dataDir = join(root, 'data');
      secureDataDir(dataDir);
      const store = new SqliteEventStore(join(dataDir, 'events.sqlite'));
      await store.headPosition();
      for (const file of ['events.sqlite', 'events.sqlite-wal']) {
        expect(modeOf(join(dataDir, file))).toBe(0o600);
      }
      await store.close();
    } finally {
      process.umask(previous);
    }
  });
});
