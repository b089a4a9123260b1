/**
 * What a client reads right after its own command, without `minPosition`: lookups right after a
 * create (how many 404), reads right after an update (how many show the state before it), by the
 * key that wrote and by another key, and how long those reads take. One client, each request sent
 * after the last answered, against the API in this process on fresh embedded stores.
 *
 *   npm run bench:read-after-write [-- --count 200]
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startInProcessApi } from '../demo/in-process-api';
import { percentile, printReport, Row } from './bench-report';
import { machineInfo } from './machine-info';

const { values } = parseArgs({ options: { count: { type: 'string', default: '200' } } });
const count = Number(values.count);

interface Timed {
  status: number;
  body: Record<string, unknown>;
  ms: number;
}

async function request(url: string, key: string, method = 'GET', body?: unknown): Promise<Timed> {
  const started = performance.now();
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  return { status: response.status, body: answer, ms: performance.now() - started };
}

function row(name: string, reads: Timed[], missed: number): Row {
  const ms = reads.map((r) => r.ms).sort((a, b) => a - b);
  return {
    case: name,
    reads: reads.length,
    'missed (404 or state before)': missed,
    'p50 ms': percentile(ms, 50),
    'p90 ms': percentile(ms, 90),
    'max ms': ms[ms.length - 1],
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongjian-read-after-write-'));
  const api = await startInProcessApi(dataDir);
  const keys = JSON.parse(readFileSync(join(dataDir, 'credentials.json'), 'utf8')) as Array<{
    key: string;
    role: string;
  }>;
  const other = keys.find((k) => k.role === 'inspector')?.key as string;
  const base = `${api.url}/api/v1`;
  const afterCreate: Timed[] = [];
  const afterUpdate: Timed[] = [];
  const byOther: Timed[] = [];
  let notFound = 0;
  let before = 0;
  let beforeForOther = 0;
  try {
    for (let i = 0; i < count; i++) {
      const id = `raw-${i}`;
      const created = await request(`${base}/organizations`, api.apiKey, 'POST', {
        id,
        name: `${id} 村党支部`,
        level: 'branch',
        sector: 'village',
        township: 'T01',
      });
      if (created.status !== 201) throw new Error(`create: ${created.status}`);
      const read = await request(`${base}/organizations/${id}`, api.apiKey);
      afterCreate.push(read);
      if (read.status === 404) notFound++;
      const categories = [i % 2 === 0 ? 'poor' : 'weak_lax'];
      const updated = await request(`${base}/organizations/${id}/categories`, api.apiKey, 'POST', {
        categories,
        reason: '年度研判',
      });
      if (updated.status !== 200) throw new Error(`update: ${updated.status}`);
      const same = (r: Timed) => JSON.stringify(r.body.categories) === JSON.stringify(categories);
      const otherRead = await request(`${base}/organizations/${id}`, other);
      byOther.push(otherRead);
      if (!same(otherRead)) beforeForOther++;
      const own = await request(`${base}/organizations/${id}`, api.apiKey);
      afterUpdate.push(own);
      if (!same(own)) before++;
    }
  } finally {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  printReport(
    `Reads right after a command, without minPosition (${count} organizations)`,
    [
      row('lookup after create, same key', afterCreate, notFound),
      row('read after update, another key', byOther, beforeForOther),
      row('read after update, same key (after the other)', afterUpdate, before),
    ],
    { machine: machineInfo() },
  );
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
