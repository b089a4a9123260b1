import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BranchRatedData, FinalizeRating } from '@gongjian/domain';
import { SqliteEventStore } from '@gongjian/event-store';
import { countingEventStore } from '@gongjian/testing';
import { DecisionRunner, domainCommand } from '@gongjian/write-side';
import { systemMetadata } from './evaluation-runs';
import { RatingRecorder } from './rating-recorder';

const rating = (organizationId: string, runId: string): Omit<BranchRatedData, 'noticeEndsOn'> => ({
  organizationId,
  period: '2025',
  runId,
  ruleSetId: 'county-default',
  ruleSetVersion: 1,
  ruleSetHash: 'h',
  cutoffPosition: '00000000000000000010',
  name: organizationId,
  township: 'T01',
  scoreCenti: 8000,
  scoreStars: 4,
  stars: 4,
  change: 'new',
  incomplete: false,
  indicators: [],
  vetoes: [],
  limits: [],
});

describe('recording a run’s ratings', () => {
  let dir: string;
  let sqlite: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongjian-recorder-'));
    sqlite = new SqliteEventStore(join(dir, 'events.sqlite'));
  });
  afterEach(async () => {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const rated = async (id: string) =>
    (await sqlite.readStream(`rating-${id}`)).filter((e) => e.type === 'BranchRated');

  it('appends one chunk of streams per call, once per run, leaving final ratings alone', async () => {
    const counting = countingEventStore(sqlite);
    const recorder = new RatingRecorder(new DecisionRunner(counting.store), 2);
    const ids = ['v1', 'v2', 'v3', 'v4', 'v5'];
    await recorder.rate([rating('v3', 'run-0')], 0, () =>
      systemMetadata('2026-01-15T02:00:00.000Z'),
    );
    await recorder.inChunks(
      [
        {
          organizationId: 'v3',
          command: (meta) =>
            domainCommand<FinalizeRating>(
              'FinalizeRating',
              { organizationId: 'v3', period: '2025' },
              meta,
            ),
        },
      ],
      () => systemMetadata('2026-01-16T02:00:00.000Z'),
      [],
      () => undefined,
    );

    counting.reset();
    const skipped = await recorder.rate(
      ids.map((id) => rating(id, 'run-1')),
      5,
      () => systemMetadata(),
    );
    expect(skipped).toEqual(['v3']);
    // One write per chunk of two: [v1, v2], [v4] (v3 left alone), [v5].
    expect(counting.calls.appendMany + counting.calls.append).toBe(3);
    const runs = async () =>
      Promise.all(ids.map(async (id) => (await rated(id)).map((e) => e.data.runId)));
    expect(await runs()).toEqual([['run-1'], ['run-1'], ['run-0'], ['run-1'], ['run-1']]);

    const head = await sqlite.headPosition();
    counting.reset();
    expect(
      await recorder.rate(
        ids.map((id) => rating(id, 'run-1')),
        5,
        () => systemMetadata(),
      ),
    ).toEqual(['v3']);
    expect(counting.calls.appendMany + counting.calls.append).toBe(0);
    expect(await sqlite.headPosition()).toBe(head);
  });
});
