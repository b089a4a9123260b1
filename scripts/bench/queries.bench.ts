/**
 * Query latency on the demo county: every list endpoint (first page and a deep cursor) and every
 * report, through the HTTP API with 16 connections (autocannon), embedded read store and, when
 * MONGODB_URL is set, the MongoDB-wire one.
 *
 *   npm run bench:queries [-- --seconds 10 --connections 16 --scale county --data-dir <seeded>
 *                             --skip-embedded]
 *
 * Without --data-dir it seeds a demo county first (npm run demo's plan, a few minutes). Each
 * store gets the API as a child process on a copy of the same data; it waits until the read
 * models have caught up before measuring.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { MongoClient } from 'mongodb';
import { planDemoCounty } from '../demo/demo-plan';
import { DEMO_SCALES } from '../demo/demo-plan.types';
import { runDemoPlan } from '../demo/demo-runner';
import { REPORT_NAMES } from '../demo/demo-summary';
import { startInProcessApi } from '../demo/in-process-api';
import { printReport, Row } from './bench-report';
import { machineInfo } from './machine-info';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '16' },
    scale: { type: 'string', default: 'county' },
    seed: { type: 'string', default: '2026' },
    'data-dir': { type: 'string' },
    'deep-pages': { type: 'string', default: '5' },
    'skip-embedded': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const deepPages = Number(values['deep-pages']);
const TARGET_P99_MS = { list: 50, report: 200 };

/** GET endpoints of API.md that list; those the API answers with 200 are measured. */
const LISTS = [
  '/organizations',
  '/organizations?sector=village',
  '/pairings',
  '/projects',
  '/allocations',
  '/members',
  '/audit/events',
  '/ratings',
];

interface Api {
  url: string;
  apiKey: string;
}

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'gongjian-bench-queries-'));
  const children: ChildProcess[] = [];
  const mongoDatabases: string[] = [];
  try {
    const scale = DEMO_SCALES[values.scale as keyof typeof DEMO_SCALES];
    if (!scale) throw new Error(`--scale must be one of ${Object.keys(DEMO_SCALES).join(', ')}`);
    const plan = planDemoCounty(Number(values.seed), scale);
    const prepared = values['data-dir'] ?? join(root, 'prepared');
    if (!values['data-dir'] || !existsSync(join(prepared, 'events.sqlite'))) {
      console.error(
        `seeding the demo county (${plan.expected.commands} commands) into ${prepared}`,
      );
      const api = await startInProcessApi(prepared);
      const result = await runDemoPlan(plan, api, { concurrency: 8 });
      await api.close();
      console.error(`seeded: ${result.sent} commands, ${result.refused.length} refused`);
    }
    const apiKey = adminKey(prepared);

    const stores: { store: string; env: NodeJS.ProcessEnv }[] = values['skip-embedded']
      ? []
      : [{ store: 'embedded', env: { MONGODB_URL: '' } }];
    if (process.env.MONGODB_URL) {
      const database = `gongjian_bench_${process.pid}`;
      mongoDatabases.push(database);
      const url = new URL(process.env.MONGODB_URL);
      url.pathname = `/${database}`;
      stores.push({ store: 'mongodb-wire', env: { MONGODB_URL: url.toString() } });
    } else {
      console.error('MONGODB_URL not set: measuring the embedded read store only');
    }

    const rows: Row[] = [];
    for (const [i, { store, env }] of stores.entries()) {
      const dataDir = join(root, `data-${store}`);
      cpSync(prepared, dataDir, { recursive: true });
      const api = { url: await startApi(dataDir, 3900 + i, env, children), apiKey };
      await waitUntilCaughtUp(api, plan.year);
      for (const endpoint of await endpoints(api, plan.year)) {
        const result = await load(api, endpoint.path, endpoint.csv);
        const target = TARGET_P99_MS[endpoint.kind];
        rows.push({
          store,
          endpoint: endpoint.name,
          ...result,
          targetP99ms: target,
          // No answer in the whole run is a miss, not a p99 of 0.
          meets: Number(result.answered) > 0 && Number(result.p99ms) < target ? 'yes' : 'NO',
        });
        console.error(`done: ${store} ${endpoint.name}: p99 ${result.p99ms} ms`);
      }
      await stop(children.pop());
    }
    printReport(`Queries on the demo county, ${connections} connections, ${seconds} s each`, rows, {
      machine: machineInfo(),
      county: plan.expected,
      targets: { listP99ms: `< ${TARGET_P99_MS.list}`, reportP99ms: `< ${TARGET_P99_MS.report}` },
    });
  } finally {
    await Promise.all(children.map(stop));
    await dropMongoDatabases(mongoDatabases);
    rmSync(root, { recursive: true, force: true });
  }
}

function adminKey(dataDir: string): string {
  const keys = JSON.parse(readFileSync(join(dataDir, 'credentials.json'), 'utf8')) as {
    key: string;
    role: string;
  }[];
  return keys.find((k) => k.role === 'admin')!.key;
}

const get = async (api: Api, path: string) => {
  const response = await fetch(`${api.url}/api/v1${path}`, {
    headers: { authorization: `Bearer ${api.apiKey}` },
  });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
  };
};

/** The read models are caught up when the head position answers without waiting too long. */
async function waitUntilCaughtUp(api: Api, year: number) {
  const deadline = Date.now() + 15 * 60_000;
  for (;;) {
    const ready = await fetch(`${api.url}/ready`).then(
      (r) => r.status,
      () => 0,
    );
    const report = await get(api, `/reports/pairings?year=${year}`);
    if (ready === 200 && report.status === 200) return;
    if (Date.now() > deadline)
      throw new Error(`read models did not catch up: /ready ${ready}, report ${report.status}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function endpoints(api: Api, year: number) {
  const list: { name: string; path: string; kind: 'list' | 'report'; csv?: boolean }[] = [];
  for (const path of LISTS) {
    const first = `${path}${path.includes('?') ? '&' : '?'}limit=50`;
    const answer = await get(api, first);
    if (answer.status !== 200) {
      console.error(`skip ${path}: ${answer.status}`);
      continue;
    }
    list.push({ name: `${path} first page`, path: first, kind: 'list' });
    let cursor = answer.body.nextCursor as string | undefined;
    let deep: string | undefined;
    for (let page = 1; page < deepPages && cursor; page++) {
      deep = `${first}&cursor=${encodeURIComponent(cursor)}`;
      cursor = (await get(api, deep)).body.nextCursor as string | undefined;
    }
    if (deep) list.push({ name: `${path} page ${deepPages}`, path: deep, kind: 'list' });
  }
  for (const report of REPORT_NAMES) {
    list.push({
      name: `report ${report}`,
      path: `/reports/${report}?year=${year}`,
      kind: 'report',
    });
  }
  list.push({
    name: 'report funds CSV',
    path: `/reports/funds?year=${year}`,
    kind: 'report',
    csv: true,
  });
  return list;
}

async function load(api: Api, path: string, csv = false): Promise<Row> {
  const result = await autocannon({
    url: `${api.url}/api/v1${path}`,
    connections,
    duration: seconds,
    headers: { authorization: `Bearer ${api.apiKey}`, ...(csv ? { accept: 'text/csv' } : {}) },
  });
  return {
    answered: result.requests.total,
    requestsPerSec: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function startApi(dataDir: string, port: number, env: NodeJS.ProcessEnv, children: ChildProcess[]) {
  const child = spawn(process.execPath, [join(__dirname, '../../apps/api/src/main.js')], {
    env: { ...process.env, ...env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return waitForHealth(child, `http://127.0.0.1:${port}`);
}

async function waitForHealth(child: ChildProcess, url: string) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return url;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the API did not answer on ${url}`);
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function dropMongoDatabases(names: string[]) {
  if (names.length === 0 || !process.env.MONGODB_URL) return;
  const client = await new MongoClient(process.env.MONGODB_URL).connect();
  try {
    for (const name of names) await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
