/**
 * Command throughput through the HTTP API (Nest, CQRS, validation, auth) against a bare Fastify
 * route doing the same decide-and-append (scripts/bench/bare-append.server.ts); allocations from
 * one hot budget against allocations spread over as many budgets as connections; the event
 * store's raw append rate through the port at as many writers, measured in the same run; and ms
 * per command, one client, against budgets of growing length.
 *
 *   npm run bench:commands [-- --seconds 15 --connections 64 --streams 200
 *                              --lengths 200,1000,10000 --length-commands 100
 *                              --parts routes,hot,length --baseline-api <other build's main.js>
 *                              --cpu-prof <dir> --api-projections off]
 *
 * The servers run as child processes on copies of the same prepared data (pairings and
 * allocations created through the API), so they append to identical stores.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { NewEvent, SqliteEventStore } from '@gongjian/event-store';
import { printReport, Row } from './bench-report';
import { machineInfo } from './machine-info';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '64' },
    streams: { type: 'string', default: '200' },
    lengths: { type: 'string', default: '200,1000,10000' },
    'length-commands': { type: 'string', default: '100' },
    /** main.js of another build of the API (e.g. main's), run beside this one in every API case. */
    'baseline-api': { type: 'string' },
    'baseline-length-commands': { type: 'string', default: '3' },
    /** Which parts to run: routes (API vs bare route), hot (hot vs spread budgets), length. */
    parts: { type: 'string', default: 'routes,hot,length' },
    /** Directory for a CPU profile (node --cpu-prof) of each API process. */
    'cpu-prof': { type: 'string' },
    /** PROJECTIONS of the API processes: 'off' measures the API without its embedded read models. */
    'api-projections': { type: 'string', default: 'embedded' },
  },
});
const parts = new Set(String(values.parts).split(','));
const apiBuilds = [
  {
    build: 'this',
    main: undefined as string | undefined,
    lengthCommands: Number(values['length-commands']),
  },
  ...(values['baseline-api']
    ? [
        {
          build: 'baseline',
          main: values['baseline-api'],
          lengthCommands: Number(values['baseline-length-commands']),
        },
      ]
    : []),
];
const lengths = String(values.lengths).split(',').map(Number);
/** Budgets of their own for the distinct-budget case and for each stream length. */
const spreadYear = (i: number) => 2030 + i;
const lengthYear = (i: number) => 2030 + Number(values.connections) + i;
const seconds = Number(values.seconds);
const embedded = values['api-projections'] !== 'off';
const connections = Number(values.connections);
const streamCount = Number(values.streams);
const ADMIN_KEY = 'bench-admin-key-0123456789abcdef';
const dist = join(__dirname, '..', '..');
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const year = Number(today.slice(0, 4));

async function main() {
  const root = mkdtempSync(join(tmpdir(), 'gongjian-bench-commands-'));
  const keysFile = join(root, 'keys.json');
  writeFileSync(keysFile, JSON.stringify([{ key: ADMIN_KEY, role: 'admin', name: 'bench' }]));
  const children: ChildProcess[] = [];
  try {
    const prepared = join(root, 'prepared');
    const setupApi = await startApi(prepared, 3801, keysFile, children);
    const ids = await prepare(setupApi);
    await stop(children.pop());

    const rows: Row[] = [];
    const scenarios = [
      {
        name: 'pairing activity',
        ids: ids.pairings,
        path: (id: string) => `/api/v1/pairings/${id}/activities`,
        body: activityBody,
      },
      {
        name: 'allocation disbursement',
        ids: ids.allocations,
        path: (id: string) => `/api/v1/allocations/${id}/disbursements`,
        body: disbursementBody,
      },
    ];
    for (const scenario of parts.has('routes') ? scenarios : []) {
      const servers = ['bare Fastify + runner', ...apiBuilds.map((b) => `API (${b.build})`)];
      for (const server of servers) {
        const dataDir = join(root, `${scenario.name}-${server}`.replace(/\W+/g, '-'));
        cpSync(prepared, dataDir, { recursive: true });
        const build = apiBuilds.find((b) => server === `API (${b.build})`);
        const url = build
          ? await startApi(dataDir, 3802, keysFile, children, build.main)
          : await startBare(dataDir, 3803, children);
        const result = await load(url, scenario, children[children.length - 1]);
        await stop(children.pop());
        rows.push({ scenario: scenario.name, server, ...result });
        console.error(`done: ${scenario.name} / ${server}: ${result.requestsPerSec} req/s`);
      }
      const [bare, ...apis] = rows.slice(-servers.length);
      for (const api of apis) {
        api.vsBaseline =
          Math.round((Number(api.requestsPerSec) / Number(bare.requestsPerSec)) * 100) / 100;
      }
    }
    if (parts.has('hot')) await hotAndSpread(root, prepared, keysFile, children, rows);
    printReport(`Commands over HTTP, ${connections} connections, ${seconds} s each`, rows, {
      machine: machineInfo(),
      targets: {
        vsBaseline: '>= 0.8 (API vs bare route)',
        p99ms: '< 50',
        hot: 'non2xx 0 and >= 0.5x the spread budgets',
        vsRawAppend: '>= 0.3',
      },
    });

    const lengthRows = parts.has('length')
      ? await byStreamLength(root, prepared, keysFile, children)
      : [];
    printReport('ms per command against one budget, one client, sequential', lengthRows, {
      machine: machineInfo(),
      targets: { vsShortest: `<= 1.5 at ${Math.max(...lengths)} events` },
    });
  } finally {
    await Promise.all(children.map(stop));
    rmSync(root, { recursive: true, force: true });
  }
}

/** Raw rate of the event store through the port: `writers` concurrent single-event appends. */
async function rawAppendRate(dir: string, writers: number): Promise<Row> {
  const store = new SqliteEventStore(join(dir, 'raw-append.sqlite'));
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  let appended = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let revision = 0; performance.now() < until; revision++) {
        const t = performance.now();
        await store.append(
          `raw-${w}`,
          [rawEvent(w, revision)],
          revision === 0 ? 'no_stream' : revision - 1,
        );
        latencies.push(performance.now() - t);
        appended++;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  await store.close();
  latencies.sort((a, b) => a - b);
  return {
    scenario: `raw append, ${writers} writers`,
    server: 'EventStore port (sqlite)',
    requestsPerSec: Math.round(appended / elapsed),
    p50ms: Math.round(latencies[Math.floor(latencies.length / 2)] * 100) / 100,
    p99ms: Math.round(latencies[Math.floor(latencies.length * 0.99)] * 100) / 100,
    non2xx: 0,
    errors: 0,
    total: appended,
    cpuMsPerRequest: Math.round((cpu.user + cpu.system) / 10 / appended) / 100,
  };
}

function rawEvent(writer: number, revision: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'AllocationReserved',
    data: { writer, revision, amountFen: 100, purpose: 'activity_funds', summary: '党建专项' },
    metadata: {
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { id: 'bench', role: 'admin' },
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
}

/**
 * Allocations (two streams each) from one budget by every connection, against allocations spread
 * over one budget per connection; beside them the port's raw append rate at as many writers.
 */
async function hotAndSpread(
  root: string,
  prepared: string,
  keysFile: string,
  children: ChildProcess[],
  rows: Row[],
) {
  const raw = await rawAppendRate(root, connections);
  rows.push(raw);
  console.error(`done: raw append: ${raw.requestsPerSec} events/s`);
  const cases = [
    {
      name: 'allocation, spread budgets',
      budget: (i: number) => `${spreadYear(i % connections)}-county_finance`,
    },
    { name: 'allocation, one hot budget', budget: () => `${year}-county_finance` },
  ];
  for (const build of apiBuilds) {
    for (const c of cases) {
      const dataDir = join(root, `${c.name}-${build.build}`.replace(/\W+/g, '-'));
      cpSync(prepared, dataDir, { recursive: true });
      const url = await startApi(dataDir, 3804, keysFile, children, build.main);
      let n = 0;
      const result = await load(
        url,
        {
          ids: [''],
          path: () => '/api/v1/allocations',
          body: () => allocationBody(c.budget(n), n++),
        },
        children[children.length - 1],
      );
      await stop(children.pop());
      rows.push({
        scenario: c.name,
        server: `API (${build.build})`,
        ...result,
        vsRawAppend:
          Math.round((Number(result.requestsPerSec) / Number(raw.requestsPerSec)) * 100) / 100,
      });
      console.error(`done: ${c.name} / ${build.build}: ${result.requestsPerSec} req/s`);
    }
    const [spread, hot] = rows.slice(-2);
    hot.vsBaseline =
      Math.round((Number(hot.requestsPerSec) / Number(spread.requestsPerSec)) * 100) / 100;
  }
}

const allocationBody = (budgetId: string, n: number) => ({
  budgetId,
  recipientOrganizationId: `village-${n % 10}`,
  amountFen: 100,
  purpose: 'activity_funds',
  decisionRef: 'bench-decision',
});

/** The length budgets get their reservations straight through the port, before the API starts. */
async function lengthenBudgets(prepared: string) {
  const store = new SqliteEventStore(join(prepared, 'events.sqlite'));
  try {
    for (let i = 0; i < lengths.length; i++) {
      const budgetId = `${lengthYear(i)}-county_finance`;
      const streamId = `budget-${budgetId}`;
      let revision = (await store.readStream(streamId)).length - 1;
      while (revision + 1 < lengths[i]) {
        const batch = Math.min(500, lengths[i] - revision - 1);
        const events = Array.from({ length: batch }, (_, k) =>
          reservedEvent(budgetId, lengthYear(i), revision + 1 + k),
        );
        await store.append(streamId, events, revision);
        revision += batch;
      }
    }
  } finally {
    await store.close();
  }
}

function reservedEvent(budgetId: string, budgetYear: number, n: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'AllocationReserved',
    data: {
      budgetId,
      year: budgetYear,
      source: 'county_finance',
      allocationId: `prefilled-${n}`,
      amountFen: 100,
      purpose: 'activity_funds',
      recipientOrganizationId: `village-${n % 10}`,
      reservedFen: 100 * n,
      poolFen: 1_000_000_000_000,
    },
    metadata: {
      commandId: randomUUID(),
      correlationId: randomUUID(),
      causationId: randomUUID(),
      actor: { id: 'bench', role: 'admin' },
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
}

/** Sequential allocations, one client, against budgets of each length (the shortest again last). */
async function byStreamLength(
  root: string,
  prepared: string,
  keysFile: string,
  children: ChildProcess[],
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const build of apiBuilds) {
    const dataDir = join(root, `by-length-${build.build}`);
    cpSync(prepared, dataDir, { recursive: true });
    // Only this part's copy gets the long budgets: the other parts' servers would otherwise spend
    // their start catching their read models up with events those parts never touch.
    await lengthenBudgets(dataDir);
    const url = await startApi(dataDir, 3805, keysFile, children, build.main);
    const post = (budgetId: string, n: number) =>
      fetch(`${url}/api/v1/allocations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
        body: JSON.stringify(allocationBody(budgetId, n)),
      }).then(async (r) => {
        await r.arrayBuffer();
        if (r.status >= 300) throw new Error(`allocation on ${budgetId}: ${r.status}`);
      });
    const built: Row[] = [];
    try {
      for (const i of [...lengths.keys(), 0]) {
        const budgetId = `${lengthYear(i)}-county_finance`;
        const t0 = performance.now();
        const failed = await post(budgetId, 0).then(
          () => undefined,
          (error: Error) => error.message,
        );
        if (failed) {
          built.push({ build: build.build, events: lengths[i], error: failed });
          continue;
        }
        const firstMs = performance.now() - t0;
        const latencies: number[] = [];
        for (let n = 1; n <= build.lengthCommands; n++) {
          const t = performance.now();
          await post(budgetId, n);
          latencies.push(performance.now() - t);
        }
        latencies.sort((x, y) => x - y);
        const mean = latencies.reduce((x, y) => x + y, 0) / latencies.length;
        built.push({
          build: build.build,
          events: lengths[i],
          commands: build.lengthCommands,
          firstCommandMs: Math.round(firstMs * 100) / 100,
          meanMs: Math.round(mean * 100) / 100,
          p50ms: Math.round(latencies[Math.floor(latencies.length / 2)] * 100) / 100,
          p99ms: Math.round(latencies[Math.floor(latencies.length * 0.99)] * 100) / 100,
        });
        console.error(`done: ${build.build}, length ${lengths[i]}: ${mean.toFixed(2)} ms`);
      }
    } finally {
      await stop(children.pop());
    }
    const shortest = Number(built[0].meanMs ?? NaN);
    for (const row of built) {
      row.vsShortest = Math.round((Number(row.meanMs) / shortest) * 100) / 100;
    }
    rows.push(...built);
  }
  return rows;
}

const activityBody = () => ({
  type: 'guidance_day',
  date: today,
  participants: 12,
  summary: '党建指导日',
});
const disbursementBody = () => ({ amountFen: 100, on: today, ref: 'bench' });

/**
 * CPU seconds a process has used (user + system, from /proc): what a request costs the server
 * whatever else the machine runs meanwhile. Undefined where /proc is not there.
 */
function cpuSeconds(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime (fields 14 and 15 of the line), in clock ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

async function load(
  url: string,
  scenario: { ids: string[]; path: (id: string) => string; body: () => object },
  server?: ChildProcess,
): Promise<Row> {
  const cpuBefore = cpuSeconds(server?.pid);
  let next = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
        setupRequest: (request) => {
          const id = scenario.ids[next++ % scenario.ids.length];
          return { ...request, path: scenario.path(id), body: JSON.stringify(scenario.body()) };
        },
      },
    ],
  });
  const cpuAfter = cpuSeconds(server?.pid);
  const cpu: Row =
    cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0
      ? {
          cpuMsPerRequest: Math.round(((cpuAfter - cpuBefore) * 1e5) / result.requests.total) / 100,
        }
      : {};
  return {
    requestsPerSec: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
    ...cpu,
  };
}

/** Organizations, pairings (one per urban×rural pair) and allocations, through the API. */
async function prepare(url: string) {
  const post = async (path: string, body: object) => {
    const response = await fetch(`${url}/api/v1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status >= 300)
      throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  const urban = Math.ceil(streamCount / 10);
  for (let u = 0; u < urban; u++) {
    await post('/organizations', {
      id: `organ-${u}`,
      name: `机关${u}`,
      level: 'branch',
      sector: 'organ',
      departmentKind: 'economic',
      township: 'T01',
    });
  }
  for (let v = 0; v < 10; v++) {
    await post('/organizations', {
      id: `village-${v}`,
      name: `村${v}`,
      level: 'branch',
      sector: 'village',
      township: 'T01',
    });
    await post(`/organizations/village-${v}/categories`, { categories: ['poor'], reason: 'bench' });
  }
  const pairings: string[] = [];
  for (let i = 0; i < streamCount; i++) {
    const reply = await post('/pairings', {
      id: `pairing-${i}`,
      urbanOrganizationId: `organ-${Math.floor(i / 10)}`,
      ruralOrganizationId: `village-${i % 10}`,
      contactLeader: { name: '张三', title: '副局长' },
      startsOn: `${year - 1}-01-01`,
      endsOn: `${year + 2}-12-31`,
      commitments: { fundsFen: 10_000_000, projects: 1, activists: 1 },
    });
    pairings.push(reply.id);
  }
  const budget = await post('/budgets', {
    year,
    source: 'county_finance',
    amountFen: 1_000_000_000_000,
  });
  for (let i = 0; i < connections; i++) {
    await post('/budgets', { year: spreadYear(i), source: 'county_finance', amountFen: 1e12 });
  }
  for (let i = 0; i < lengths.length; i++) {
    await post('/budgets', { year: lengthYear(i), source: 'county_finance', amountFen: 1e12 });
  }
  const allocations: string[] = [];
  for (let i = 0; i < streamCount; i++) {
    const reply = await post('/allocations', {
      id: `allocation-${i}`,
      budgetId: budget.id,
      recipientOrganizationId: `village-${i % 10}`,
      amountFen: 1_000_000_000,
      purpose: 'activity_funds',
      decisionRef: 'bench-decision',
    });
    allocations.push(reply.id);
  }
  return { pairings, allocations };
}

function startApi(
  dataDir: string,
  port: number,
  keysFile: string,
  children: ChildProcess[],
  main = join(dist, 'apps/api/src/main.js'),
) {
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    API_KEYS_FILE: keysFile,
    LOG_LEVEL: 'warn',
    // Ready only once the read models have caught up with the copied log: the load then measures
    // the commands, not the catch-up of the prepared data running beside them.
    READY_MAX_LAG_EVENTS: '0',
    PROJECTIONS: embedded ? 'embedded' : 'off',
  };
  const profile = values['cpu-prof']
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${values['cpu-prof']}`,
        `--cpu-prof-name=api-${port}-${Date.now()}.cpuprofile`,
      ]
    : [];
  return startChild(main, [], env, port, children, profile, embedded ? '/ready' : '/health');
}

function startBare(dataDir: string, port: number, children: ChildProcess[]) {
  return startChild(
    join(__dirname, 'bare-append.server.js'),
    [dataDir, String(port)],
    process.env,
    port,
    children,
  );
}

async function startChild(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  children: ChildProcess[],
  nodeArgs: string[] = [],
  readyPath = '/health',
) {
  const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    const ok = await fetch(`${url}${readyPath}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return url;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${script} did not answer on ${url}`);
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
