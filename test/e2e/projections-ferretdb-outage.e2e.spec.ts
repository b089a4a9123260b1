import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@gongjian/config';
import { SqliteEventStore } from '@gongjian/event-store';
import { READ_MODEL_READER, ReadModelReader } from '@gongjian/projections';
import { describeWithService, restartablePort } from '@gongjian/testing';
import { MongoDocumentStore } from '../../libs/read-store/src/adapters/mongodb/mongodb.document-store';
import { createApp } from '../../apps/api/src/bootstrap/create-app';
import { READ_MODELS } from '../../scripts/bench/bench-projections';
import { KEYS } from './api-harness';

const root = join(__dirname, '..', '..');
const script = join(root, 'scripts/ci/ferretdb.sh');
const POOL = '16';

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.setTimeout(500, () => done(false));
  });
}

async function waitUntilAnswering(port: number, server: ChildProcess, log: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (await answers(port)) return;
    if (server.exitCode !== null)
      throw new Error(`restarted FerretDB exited (${server.exitCode}):\n${tail(log)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`restarted FerretDB did not answer on ${port} within 60 s:\n${tail(log)}`);
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-30).join('\n');
  } catch {
    return '(no log)';
  }
}

/**
 * Runs on whichever MongoDB-wire server CI provides, but the outage is staged on a FerretDB of
 * its own (small pool, own port and database), so no other suite loses its server.
 */
describeWithService('mongodb', 'MONGODB_URL', () => {
  describe('FerretDB stopped in the middle of a run', () => {
    let port: number;
    const db = `gongjian_outage_${process.pid}`;
    let restarted: ChildProcess | undefined;
    let dataDir: string;
    let app: NestFastifyApplication;
    let events: SqliteEventStore;
    let readStore: MongoDocumentStore;

    const ferret = (...args: string[]) =>
      execFileSync(script, args, {
        env: { ...process.env, FERRETDB_POOL_MAX_CONNS: POOL },
        stdio: 'pipe',
        timeout: 180_000,
      });

    beforeAll(async () => {
      port = await restartablePort();
      ferret('start', String(port), db);
      dataDir = mkdtempSync(join(tmpdir(), 'gongjian-outage-'));
      const config = loadConfig({
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        READY_MAX_LAG_EVENTS: '0',
        MIN_POSITION_WAIT_MS: '20000',
      });
      events = new SqliteEventStore(join(dataDir, 'events.sqlite'), { pollIntervalMs: 50 });
      readStore = await MongoDocumentStore.connect(`mongodb://127.0.0.1:${port}/${db}`, {
        bulkChunkSize: 8,
        timeoutMs: 1000,
        replyTimeoutMs: 5000,
      });
      app = await createApp(
        {
          config,
          store: events,
          readStore,
          projections: READ_MODELS,
          apiKeys: [{ key: KEYS.admin, role: 'admin', name: 'admin' }],
          personalDataKey: randomBytes(32),
        },
        { logs: false },
      );
      await app.init();
      await app.getHttpAdapter().getInstance().ready();
    }, 240_000);

    // The servers go first: an app closing against a server that hangs would wait for it.
    afterAll(async () => {
      restarted?.kill('SIGKILL');
      try {
        ferret('stop', String(port));
      } catch {
        // already stopped
      }
      await app?.close();
      await readStore?.close();
      execFileSync(
        'psql',
        ['-h', '127.0.0.1', '-U', 'postgres', '-c', `DROP DATABASE IF EXISTS ${db}`],
        {
          stdio: 'ignore',
        },
      );
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    }, 60_000);

    const register = (id: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/organizations',
        headers: { authorization: `Bearer ${KEYS.admin}` },
        payload: {
          id,
          name: `机关党支部${id}`,
          level: 'branch',
          sector: 'organ',
          departmentKind: 'economic',
          township: 'T01',
        },
      });

    it('accepts commands, is not ready, then catches up with nothing lost or doubled', async () => {
      const reader = app.get<ReadModelReader>(READ_MODEL_READER);
      let last = '';
      for (let i = 0; i < 20; i++) last = (await register(`org-before-${i}`)).json().position;
      await reader.waitForPosition(last);

      ferret('stop', String(port));
      for (let i = 0; i < 20; i++) {
        const reply = await register(`org-during-${i}`);
        expect(reply.statusCode).toBe(201);
        last = reply.json().position;
      }
      const ready = await app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(503);

      // The same server back on the same database (the script's start would recreate it).
      const bin = execFileSync(script, ['bin']).toString().trim();
      const log = join(dataDir, 'ferretdb-restarted.log');
      const stateDir = join(dataDir, 'ferretdb-state');
      mkdirSync(stateDir);
      const output = openSync(log, 'a');
      restarted = spawn(
        bin,
        [
          '--handler=postgresql',
          `--postgresql-url=postgres://postgres@127.0.0.1:5432/${db}?pool_max_conns=${POOL}`,
          `--listen-addr=127.0.0.1:${port}`,
          '--telemetry=disable',
          `--state-dir=${stateDir}`,
          '--debug-addr=127.0.0.1:0',
          '--log-level=WARN',
        ],
        { stdio: ['ignore', output, output] },
      );
      closeSync(output);
      await waitUntilAnswering(port, restarted, log);
      // A server that exits now did not get the port: whatever answers there is not FerretDB.
      const server = restarted;
      const exited = new Promise<never>((_, reject) => {
        const fail = (code: number | null) =>
          reject(new Error(`restarted FerretDB exited (${code}):\n${tail(log)}`));
        if (server.exitCode !== null) fail(server.exitCode);
        else server.once('exit', fail);
      });
      exited.catch(() => undefined);
      const caughtUp = reader.waitForPosition(last, 60_000);
      await Promise.race([caughtUp, exited]).catch(async (error: Error) => {
        const ready = await app.inject({ method: 'GET', url: '/ready' });
        throw new Error(`${error.message}\n/ready: ${ready.body}\nFerretDB log:\n${tail(log)}`);
      });
      const types = await reader.collection('event-counts', 'type_event_counts');
      expect((await types.findById('OrganizationRegistered'))?.count).toBe(40);
      const streams = await reader.collection('event-counts', 'stream_event_counts');
      const all = await streams.find({ _id: { $gt: 'organization-' } });
      expect(all).toHaveLength(40);
      expect(all.every((d) => d.count === 1)).toBe(true);
      const readyAgain = await app.inject({ method: 'GET', url: '/ready' });
      expect(readyAgain.statusCode).toBe(200);
    }, 180_000);
  });
});
