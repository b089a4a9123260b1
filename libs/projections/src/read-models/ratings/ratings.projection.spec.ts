import { eventLog } from '../shared/event-log.fixture';
import { documentsOf, projectInMemory } from '../shared/in-memory-projection';
import { branchRated } from '../shared/rating-events.fixture';
import { EVALUATION_RUNS, RATINGS, ratingsProjection, RULE_SETS } from './ratings.projection';

describe('the ratings read model', () => {
  it('shows a rating with points readable beside the hundredths, through notice and finalization', () => {
    const log = eventLog();
    log.add('rating-v-01', 'BranchRated', branchRated('v-01', '2025', 3));
    log.add('rating-v-01', 'RatingObjectionRecorded', {
      organizationId: 'v-01',
      period: '2025',
      objectionId: 'o-1',
      runId: 'r',
      reason: '活动次数统计有误',
    });
    log.add('rating-v-01', 'RatingFinalized', {
      organizationId: 'v-01',
      period: '2025',
      runId: 'r',
      stars: 3,
      on: '2026-01-21',
    });
    const [doc] = documentsOf(projectInMemory(ratingsProjection, log.events), RATINGS);
    expect(doc).toMatchObject({
      _id: '2025-v-01',
      organizationId: 'v-01',
      period: '2025',
      score: 80.15,
      scoreCenti: 8015,
      stars: 3,
      change: 'new',
      status: 'final',
      finalizedOn: '2026-01-21',
      indicators: [
        { key: 'collective_activity_days', points: 5.83, pointsCenti: 583, maxPoints: 7 },
      ],
      improvementPlan: { nextStars: 4, gap: 9.85, items: [{ missing: 1.17, missingCenti: 117 }] },
      objections: [{ objectionId: 'o-1', reason: '活动次数统计有误' }],
    });
  });

  it('replaces a provisional rating by a later run and removes the stars on revocation', () => {
    const log = eventLog();
    log.add('rating-v-01', 'BranchRated', branchRated('v-01', '2025', 3));
    log.add('rating-v-01', 'BranchRated', branchRated('v-01', '2025', 4, { runId: 'run-2' }));
    log.add('rating-v-01', 'RatingRevoked', {
      organizationId: 'v-01',
      period: '2025',
      runId: 'run-2',
      previousStars: 4,
      reason: '发生违纪问题',
    });
    const [doc] = documentsOf(projectInMemory(ratingsProjection, log.events), RATINGS);
    expect(doc).toMatchObject({
      runId: 'run-2',
      stars: null,
      change: 'revoked',
      status: 'revoked',
      revoked: { stars: 4, reason: '发生违纪问题' },
    });
  });

  it('lists rule set versions in order and follows a run from request to completion', () => {
    const log = eventLog();
    const publish = (version: number, hash: string) =>
      log.add('ruleset-county', 'RuleSetPublished', {
        ruleSetId: 'county',
        version,
        hash,
        ruleSet: { id: 'county', version, title: `县方案 v${version}` },
      });
    publish(1, 'h1');
    publish(2, 'h2');
    const key = {
      runId: 'run-1',
      period: '2025',
      ruleSetId: 'county',
      ruleSetVersion: 2,
      ruleSetHash: 'h2',
      cutoffPosition: '00000000000000000006',
    };
    log.add('evaluation-2025', 'EvaluationRequested', { ...key, trigger: 'api' });
    log.add('evaluation-2025', 'EvaluationFailed', { runId: 'run-1', period: '2025', reason: 'x' });
    log.add('evaluation-2025', 'EvaluationRequested', { ...key, trigger: 'api' });
    const queued = documentsOf(projectInMemory(ratingsProjection, log.events), EVALUATION_RUNS);
    expect(queued).toMatchObject([
      { runId: 'run-1', status: 'queued', attempts: 2, progress: { done: 0, total: 0 } },
    ]);
    log.add('evaluation-2025', 'EvaluationCompleted', {
      runId: 'run-1',
      period: '2025',
      rated: 3,
      byStars: { '1': 0, '2': 1, '3': 2, '4': 0, '5': 0 },
      skipped: ['v-09'],
    });
    const projected = projectInMemory(ratingsProjection, log.events);
    expect(documentsOf(projected, EVALUATION_RUNS)).toMatchObject([
      {
        status: 'completed',
        progress: { done: 3, total: 4 },
        summary: { byStars: { '3': 2 }, skipped: ['v-09'] },
      },
    ]);
    expect(documentsOf(projected, RULE_SETS)).toMatchObject([
      {
        id: 'county',
        title: '县方案 v2',
        latestVersion: 2,
        latestHash: 'h2',
        versions: [{ version: 1 }, { version: 2 }],
      },
    ]);
  });
});
