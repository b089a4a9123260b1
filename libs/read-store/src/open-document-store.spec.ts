import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@gongjian/config';
import { openDocumentStore } from './open-document-store';

describe('openDocumentStore', () => {
  it('opens the embedded SQLite store under DATA_DIR when MONGODB_URL is not set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongjian-open-rs-'));
    try {
      const store = await openDocumentStore(loadConfig({ DATA_DIR: dir }));
      expect(store.engine).toBe('sqlite');
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unreachable server: one line naming MONGODB_URL and the address, within the deadline', async () => {
    const config = loadConfig({
      MONGODB_URL: 'mongodb://reader:secret@127.0.0.1:9/gongjian',
      STARTUP_TIMEOUT_MS: '800',
    });
    const started = Date.now();
    const error = await openDocumentStore(config).then(
      () => undefined,
      (e: Error) => e,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(error?.message).toMatch(
      /^MONGODB_URL: read store at mongodb:\/\/reader:\*\*\*@127\.0\.0\.1:9\/gongjian is not usable: /,
    );
    expect(error?.message).not.toContain('secret');
    expect(error?.message.split('\n')).toHaveLength(1);
  });
});
