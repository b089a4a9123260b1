import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NewEvent, SqliteEventStore } from '@gongjian/event-store';
import { InProcessJobQueue } from '@gongjian/jobs';
import { DecisionRunner } from '@gongjian/write-side';
import { missedPeriodJobId } from './evaluation-run-key';
import { EvaluationRuns } from './evaluation-runs';
import { EvaluationScheduler, periodRatedAt } from './evaluation-scheduler';
import type { RatingFinalizer } from './rating-finalizer';

const event = (type: string, data: Record<string, unknown>): NewEvent => {
  const commandId = randomUUID();
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { id: 'spec', role: 'admin' },
      occurredAt: new Date().toISOString(),
      schemaVersion: 1,
    },
  };
};

describe('the evaluation scheduler', () => {
  const schedule = { cron: '0 2 15 1 *', tz: 'Asia/Shanghai' };
  let dir: string;
  let store: SqliteEventStore;
  let jobs: InProcessJobQueue;
  let scheduler: EvaluationScheduler;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongjian-scheduler-'));
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    jobs = new InProcessJobQueue({ concurrency: 1, attempts: 1, backoffMs: 0 });
    const runs = new EvaluationRuns(store, new DecisionRunner(store), jobs, {
      batches: 1,
      appendChunkSize: 10,
      noticeDays: 5,
      defaultRuleSetId: 'county-default',
    });
    scheduler = new EvaluationScheduler(
      store,
      jobs,
      runs,
      {} as RatingFinalizer,
      { evaluation: schedule, finalize: { cron: '0 3 * * *', tz: 'Asia/Shanghai' } },
      { warn: () => undefined },
    );
    await store.append(
      'organization-v1',
      [event('OrganizationRegistered', { organizationId: 'v1' })],
      'no_stream',
    );
  });
  afterEach(async () => {
    await jobs.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rates the year before each occurrence, in the schedule’s time zone', () => {
    // 15 January 02:00 in Beijing is still 14 January in UTC.
    expect(periodRatedAt(new Date('2026-01-14T18:00:00Z'), 'Asia/Shanghai')).toBe('2025');
    expect(periodRatedAt(new Date('2025-12-31T17:00:00Z'), 'Asia/Shanghai')).toBe('2025');
    expect(periodRatedAt(new Date('2025-12-31T17:00:00Z'), 'UTC')).toBe('2024');
  });

  it('enqueues each missed period once, by its own job id, and none that has a run', async () => {
    const [first] = await store.readAll({ limit: 1 });
    const started = new Date(first.metadata.recordedAt);
    const later = new Date(started.getTime() + 3 * 366 * 86_400_000);
    const missed = await scheduler.missedPeriods(later);
    expect(missed).toHaveLength(3);
    await store.append(
      `evaluation-${missed[0]}`,
      [event('EvaluationRequested', { runId: 'r' })],
      'no_stream',
    );
    expect(await scheduler.missedPeriods(later)).toEqual(missed.slice(1));

    expect(await scheduler.enqueueMissed(later)).toEqual(missed.slice(1));
    await scheduler.enqueueMissed(later);
    for (const period of missed.slice(1)) {
      expect(await jobs.getJob(missedPeriodJobId(period))).toMatchObject({
        name: 'evaluation.scheduled',
        data: { period },
      });
    }
    expect(await jobs.getJob(missedPeriodJobId(missed[0]))).toBeUndefined();
    expect(await scheduler.missedPeriods(started)).toEqual([]);
  });

  it('upserts the yearly run and the daily finalization', async () => {
    await scheduler.start(() => new Date());
    const schedulers = await jobs.listSchedulers();
    expect(schedulers.map((s) => [s.schedulerId, s.schedule.cron, s.template.name]).sort()).toEqual(
      [
        ['evaluation-yearly', '0 2 15 1 *', 'evaluation.scheduled'],
        ['rating-finalize', '0 3 * * *', 'rating.finalize'],
      ],
    );
    scheduler.stop();
  });
});
