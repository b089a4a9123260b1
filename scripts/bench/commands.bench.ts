/**
 * Command throughput through the HTTP API (Nest, CQRS, validation, auth) against a bare Fastify
 * route doing the same decide-and-append (scripts/bench/bare-append.server.ts).
 *
 *   npm run bench:commands [-- --seconds 15 --connections 64 --streams 200]
 *
 * Both servers run as child processes on copies of the same prepared data (pairings and
 * allocations created through the API), so they append to identical stores.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { printReport, Row } from './bench-report';
import { machineInfo } from './machine-info';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    connections: { type: 'string', default: '64' },
    streams: { type: 'string', default: '200' },
  },
});
const seconds = Number(values.seconds);
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
    for (const scenario of scenarios) {
      for (const server of ['bare Fastify + runner', 'API (Nest + CQRS)'] as const) {
        const dataDir = join(root, `${scenario.name}-${server}`.replace(/\W+/g, '-'));
        cpSync(prepared, dataDir, { recursive: true });
        const url =
          server === 'API (Nest + CQRS)'
            ? await startApi(dataDir, 3802, keysFile, children)
            : await startBare(dataDir, 3803, children);
        const result = await load(url, scenario);
        await stop(children.pop());
        rows.push({ scenario: scenario.name, server, ...result });
        console.error(`done: ${scenario.name} / ${server}: ${result.requestsPerSec} req/s`);
      }
      const [bare, api] = rows.slice(-2);
      api.vsBaseline =
        Math.round((Number(api.requestsPerSec) / Number(bare.requestsPerSec)) * 100) / 100;
    }
    printReport(`Commands over HTTP, ${connections} connections, ${seconds} s each`, rows, {
      machine: machineInfo(),
      targets: { vsBaseline: '>= 0.6', p99ms: '< 50' },
    });
  } finally {
    await Promise.all(children.map(stop));
    rmSync(root, { recursive: true, force: true });
  }
}

const activityBody = () => ({
  type: 'guidance_day',
  date: today,
  participants: 12,
  summary: '党建指导日',
});
const disbursementBody = () => ({ amountFen: 100, on: today, ref: 'bench' });

async function load(
  url: string,
  scenario: { ids: string[]; path: (id: string) => string; body: () => object },
): Promise<Row> {
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
  return {
    requestsPerSec: Math.round(result.requests.average),
    p50ms: result.latency.p50,
    p99ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    total: result.requests.total,
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

function startApi(dataDir: string, port: number, keysFile: string, children: ChildProcess[]) {
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    API_KEYS_FILE: keysFile,
    LOG_LEVEL: 'warn',
  };
  return startChild(join(dist, 'apps/api/src/main.js'), [], env, port, children);
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
) {
  const child = spawn(process.execPath, [script, ...args], {
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/health`).then(
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
