import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@gongjian/event-store';
import {
  DocumentReadModelReader,
  ProjectionControl,
  ProjectionEngine,
  projectionStatuses,
} from '@gongjian/projections';
import { DocumentStore, SqliteDocumentStore } from '@gongjian/read-store';
import { READ_MODELS } from '../../scripts/bench/bench-projections';
import { generateCounty } from '../../scripts/bench/event-generator';

const root = join(__dirname, '..', '..');
const EVENTS = 60_000;

/** sha256 of every read-model collection, documents sorted by _id. */
async function digests(store: DocumentStore): Promise<Record<string, string>> {
  const reader = new DocumentReadModelReader(store, READ_MODELS);
  const result: Record<string, string> = {};
  for (const projection of READ_MODELS) {
    for (const name of Object.keys(projection.collections)) {
      const docs = await (
        await reader.collection(projection.name, name)
      ).find({}, { sort: [['_id', 1]] });
      result[`${projection.name}/${name}`] =
        `${docs.length}:${createHash('sha256').update(JSON.stringify(docs)).digest('hex')}`;
    }
  }
  return result;
}

async function caughtUp(events: SqliteEventStore, store: DocumentStore): Promise<boolean> {
  const statuses = await projectionStatuses(events, new ProjectionControl(store), READ_MODELS);
  const pointers = await Promise.all(
    READ_MODELS.map((p) => new ProjectionControl(store).pointer(p.name)),
  );
  return statuses.every((s) => s.lagEvents === 0) && pointers.every((p) => p?.caughtUp === true);
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('a worker killed with SIGKILL in the middle of a rebuild', () => {
  const out = join(root, '.cache', `crash-dist-${process.pid}`);
  let dataDir: string;
  let events: SqliteEventStore;
  let worker: ChildProcess | undefined;
  let stderr = '';

  const startWorker = () => {
    const child = spawn(process.execPath, [join(out, 'apps/worker/src/main.js')], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        MONGODB_URL: '',
        KURRENTDB_URL: '',
        REDIS_URL: '',
        PROJECTIONS_MODULE: join(out, 'scripts/bench/bench-projections.js'),
        PROJECTION_BATCH_SIZE: '500',
        PROJECTION_REBUILD_COMMIT_EVENTS: '1000',
        PROJECTION_LEASE_MS: '1500',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    return child;
  };
  const exited = (child: ChildProcess) =>
    new Promise<NodeJS.Signals | number | null>((resolve) =>
      child.exitCode !== null || child.signalCode !== null
        ? resolve(child.signalCode ?? child.exitCode)
        : child.once('exit', (code, signal) => resolve(signal ?? code)),
    );

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/compile.mjs', '--out', out], { cwd: root });
    dataDir = mkdtempSync(join(tmpdir(), 'gongjian-crash-'));
    events = new SqliteEventStore(join(dataDir, 'events.sqlite'));
    const pending: Promise<unknown>[] = [];
    for (const append of generateCounty(EVENTS, 300)) {
      pending.push(events.append(append.streamId, append.events, 'any'));
      if (pending.length >= 500) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
  }, 240_000);
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await events?.close();
    rmSync(out, { recursive: true, force: true });
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarted, it finishes, and the read models equal those of a clean rebuild', async () => {
    const observer = new SqliteDocumentStore(join(dataDir, 'read-models.sqlite'));
    const control = new ProjectionControl(observer);
    const head = (await events.headPosition()) as string;
    try {
      worker = startWorker();
      let killedAt: string[] = [];
      await until(
        async () => {
          const checkpoints = await control.checkpoints(
            READ_MODELS.map((p) => ({ name: p.name, version: p.version, generation: 0 })),
          );
          const positions = [...checkpoints.values()].map((c) => c._pos);
          if (positions.some((p) => p > '' && p < head)) {
            worker?.kill('SIGKILL');
            killedAt = positions;
            return true;
          }
          return false;
        },
        60_000,
        `a checkpoint between the start and the head (worker said: ${stderr})`,
      );
      expect(await exited(worker)).toBe('SIGKILL');
      expect(killedAt.some((p) => p < head)).toBe(true);

      worker = startWorker();
      await until(() => caughtUp(events, observer), 240_000, `catch-up after restart (${stderr})`);
      worker.kill('SIGTERM');
      expect(await exited(worker)).toBe(0);
      const afterCrash = await digests(observer);

      const clean = new SqliteDocumentStore(join(dataDir, 'clean-read-models.sqlite'));
      try {
        const engine = new ProjectionEngine({ events, store: clean, projections: READ_MODELS });
        engine.start();
        await until(() => caughtUp(events, clean), 240_000, 'clean rebuild');
        await engine.stop();
        const expected = await digests(clean);
        expect(Object.values(expected).every((d) => !d.startsWith('0:'))).toBe(true);
        expect(afterCrash).toEqual(expected);
      } finally {
        await clean.close();
      }
    } finally {
      await observer.close();
    }
  }, 600_000);
});
