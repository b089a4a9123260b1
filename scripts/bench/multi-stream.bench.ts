/**
 * The write side in process, on a SQLite file: commands per second and latency for a
 * two-stream command (allocate-funds: allocation + budget in one appendMany) against a
 * one-stream one (register-organization: one append), each without and with an
 * Idempotency-Key (the key adds its record's stream to the same atomic append).
 *
 *   npm run compile && node dist/scripts/bench/multi-stream.bench.js [--commands 3000 --writers 16]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FUND_SOURCES, OpenBudget, budgetDecider, budgetStreamId } from '@gongjian/domain';
import { SqliteEventStore } from '@gongjian/event-store';
import { CommandMetadata, commandIdFor, DecisionRunner, domainCommand } from '@gongjian/write-side';
import { AllocateFundsCommand } from '../../apps/api/src/modules/funds/commands/allocate-funds/allocate-funds.command';
import { AllocateFundsHandler } from '../../apps/api/src/modules/funds/commands/allocate-funds/allocate-funds.handler';
import { RegisterOrganizationCommand } from '../../apps/api/src/modules/organizations/commands/register-organization/register-organization.command';
import { RegisterOrganizationHandler } from '../../apps/api/src/modules/organizations/commands/register-organization/register-organization.handler';
import { percentile, printReport, Row } from './bench-report';
import { machineInfo } from './machine-info';

const { values } = parseArgs({
  options: {
    commands: { type: 'string', default: '3000' },
    writers: { type: 'string', default: '16' },
  },
});
const COMMANDS = Number(values.commands);
const WRITERS = Number(values.writers);
const ACTOR = { id: 'admin:bench', role: 'admin', townships: [] as string[] };
const SOURCES = FUND_SOURCES.filter((s) => s !== 'party_dues');
const YEARS = Array.from({ length: 10 }, (_, i) => 2020 + i);

const metadata = (keyed: boolean, n: number): CommandMetadata => {
  const commandId = keyed ? commandIdFor(ACTOR.id, `bench-${randomUUID()}-${n}`) : randomUUID();
  return {
    commandId,
    correlationId: commandId,
    requestHash: `bench ${commandId}`,
    actor: ACTOR,
    now: new Date().toISOString(),
  };
};

async function measure(
  run: (n: number) => Promise<unknown>,
): Promise<{ perSecond: number; p50: number; p99: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async () => {
      while (next < COMMANDS) {
        const n = next++;
        const t = performance.now();
        await run(n);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: COMMANDS / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

/** A fresh store with 60 open budgets and one recipient, so every row starts from the same state. */
async function prepared(dir: string) {
  const store = new SqliteEventStore(join(dir, `events-${randomUUID()}.sqlite`));
  const runner = new DecisionRunner(store);
  const budgets: string[] = [];
  for (const year of YEARS) {
    for (const source of SOURCES) {
      const budgetId = `${year}-${source}`;
      const meta = metadata(false, 0);
      await runner.run({
        id: budgetId,
        streamId: budgetStreamId(budgetId),
        decider: budgetDecider,
        metadata: meta,
        command: () =>
          domainCommand<OpenBudget>(
            'OpenBudget',
            { budgetId, year, source, amountFen: 10 ** 12 },
            meta,
          ),
      });
      budgets.push(budgetId);
    }
  }
  const register = new RegisterOrganizationHandler(runner);
  await register.execute(
    new RegisterOrganizationCommand(
      { id: 'v-bench', name: '东坪村党支部', level: 'branch', sector: 'village', township: 'T01' },
      metadata(false, 0),
    ),
  );
  return {
    store,
    budgets,
    register,
    allocate: new AllocateFundsHandler(runner, { lateEntryGraceDays: 60 }),
  };
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-bench-multi-'));
  const rows: Row[] = [];
  try {
    for (const keyed of [false, true]) {
      const key = keyed ? 'yes' : 'no';
      const one = await prepared(dir);
      const organizations = await measure((n) =>
        one.register.execute(
          new RegisterOrganizationCommand(
            {
              id: `org-${n}`,
              name: `机关党支部 ${n}`,
              level: 'branch',
              sector: 'organ',
              departmentKind: 'economic',
              township: 'T00',
            },
            metadata(keyed, n),
          ),
        ),
      );
      await one.store.close();
      rows.push({ command: 'register-organization (1 stream)', key, ...organizations });

      const two = await prepared(dir);
      const allocations = await measure((n) =>
        two.allocate.execute(
          new AllocateFundsCommand(
            {
              budgetId: two.budgets[n % two.budgets.length],
              recipientOrganizationId: 'v-bench',
              amountFen: 100,
              purpose: 'activity_funds',
              decisionRef: '部务会',
            },
            metadata(keyed, n),
          ),
        ),
      );
      await two.store.close();
      rows.push({ command: 'allocate-funds (2 streams)', key, ...allocations });
    }
    printReport(
      `write side in process: ${COMMANDS} commands, ${WRITERS} writers, 60 budgets, a fresh store per row`,
      rows.map((r) => ({
        command: r.command,
        key: r.key,
        'commands/s': r.perSecond,
        'p50 ms': r.p50,
        'p99 ms': r.p99,
      })),
      { machine: machineInfo() },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
