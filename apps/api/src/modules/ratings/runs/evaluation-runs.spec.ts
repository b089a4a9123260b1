import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluationStreamId, ruleSetStreamId } from '@gongjian/domain';
import { NewEvent, SqliteEventStore } from '@gongjian/event-store';
import { DEFAULT_RULE_SET } from '@gongjian/evaluation';
import { InProcessJobQueue, JobsUnavailableError } from '@gongjian/jobs';
import {
  commandIdFor,
  DecisionRunner,
  IDEMPOTENCY_KEY_RECORDED,
  idempotencyStreamId,
} from '@gongjian/write-side';
import { EvaluationRuns, systemMetadata } from './evaluation-runs';

const registered = (organizationId: string): NewEvent => {
  const commandId = randomUUID();
  return {
    eventId: randomUUID(),
    type: 'OrganizationRegistered',
    data: {
      organizationId,
      name: `${organizationId} 村党支部`,
      level: 'branch',
      sector: 'village',
      township: 'T01',
    },
    metadata: {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { id: 'spec', role: 'admin' },
      occurredAt: '2025-03-01T00:00:00.000Z',
      schemaVersion: 1,
    },
  };
};

const down = () =>
  new JobsUnavailableError('REDIS_URL=redis://127.0.0.1:1', 'connect ECONNREFUSED');

describe('starting an evaluation run while the job queue is down', () => {
  let dir: string;
  let store: SqliteEventStore;
  let jobs: InProcessJobQueue;
  let runs: EvaluationRuns;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongjian-runs-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    jobs = new InProcessJobQueue({ concurrency: 1, attempts: 1, backoffMs: 0 });
    runs = new EvaluationRuns(store, new DecisionRunner(store), jobs, {
      batches: 2,
      appendChunkSize: 10,
      noticeDays: 5,
      defaultRuleSetId: DEFAULT_RULE_SET.id,
    });
    runs.registerHandlers();
    await jobs.start();
    await store.append('organization-v1', [registered('v1')], 'no_stream');
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await jobs.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function completedRun(period: string): Promise<string> {
    const { runId } = await runs.start({ period }, 'api');
    for (;;) {
      const events = await store.readStream(evaluationStreamId(period));
      if (events.some((e) => e.type === 'EvaluationCompleted')) return runId;
      if (events.some((e) => e.type === 'EvaluationFailed')) throw new Error('the run failed');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  it('answers the runId of a completed run and records the request’s Idempotency-Key', async () => {
    const runId = await completedRun('2025');
    jest.spyOn(jobs, 'ping').mockRejectedValue(down());
    const enqueue = jest.spyOn(jobs, 'enqueue');
    const keyed = { ...systemMetadata(), commandId: commandIdFor('admin-1', 'ask-again') };

    const again = await runs.start({ period: '2025' }, 'api', keyed);

    expect(again.runId).toBe(runId);
    expect(enqueue).not.toHaveBeenCalled();
    const record = await store.readStream(idempotencyStreamId(keyed.commandId));
    expect(record.map((e) => e.type)).toEqual([IDEMPOTENCY_KEY_RECORDED]);
    expect(again.position).toBe(record[0].position);
  });

  it('refuses a run that is not completed, writing nothing', async () => {
    await completedRun('2025');
    jest.spyOn(jobs, 'ping').mockRejectedValue(down());
    const head = await store.headPosition();

    await expect(runs.start({ period: '2024' }, 'api')).rejects.toBeInstanceOf(
      JobsUnavailableError,
    );
    expect(await store.headPosition()).toBe(head);
    expect(await store.readStream(evaluationStreamId('2024'))).toHaveLength(0);
  });

  it('refuses to publish the default rule set first, writing nothing', async () => {
    jest.spyOn(jobs, 'ping').mockRejectedValue(down());
    const head = await store.headPosition();

    await expect(runs.start({ period: '2025' }, 'api')).rejects.toBeInstanceOf(
      JobsUnavailableError,
    );
    expect(await store.headPosition()).toBe(head);
    expect(await store.readStream(ruleSetStreamId(DEFAULT_RULE_SET.id))).toHaveLength(0);
  });
});
