import { specFor } from '../shared/decider.spec-helper';
import { CommandContext } from '../shared/decider';
import { RatingCommand } from './rating.commands';
import { ratingDecider } from './rating.decider';
import { BranchRatedData, RatingEvent } from './rating.events';

const given = specFor(ratingDecider);
const context = (today = '2026-01-20'): CommandContext => ({
  now: `${today}T02:00:00.000Z`,
  today,
  actor: { id: 'spec', role: 'admin' },
});
const ref = { organizationId: 'v1', period: '2025' };

const rating = (runId = 'run-1'): Omit<BranchRatedData, 'noticeEndsOn'> => ({
  ...ref,
  runId,
  ruleSetId: 'county-default',
  ruleSetVersion: 1,
  ruleSetHash: 'h',
  cutoffPosition: '00000000000000000100',
  name: '石桥村党支部',
  township: 'T01',
  scoreCenti: 8150,
  scoreStars: 4,
  stars: 4,
  change: 'new',
  incomplete: false,
  indicators: [],
  vetoes: [],
  limits: [],
});
const rated = (runId = 'run-1'): RatingEvent => ({
  type: 'BranchRated',
  data: { ...rating(runId), noticeEndsOn: '2026-01-20' },
});
const rate = (runId = 'run-1', today = '2026-01-15'): RatingCommand => ({
  type: 'RateBranch',
  data: { rating: rating(runId), noticeDays: 5 },
  context: context(today),
});
const finalize = (today: string): RatingCommand => ({
  type: 'FinalizeRating',
  data: ref,
  context: context(today),
});
const finalized: RatingEvent = {
  type: 'RatingFinalized',
  data: { ...ref, runId: 'run-1', stars: 4, on: '2026-01-21' },
};

describe('rating stream', () => {
  it('records a rating with a 5-day public notice', () => given([]).when(rate()).then([rated()]));

  it('rates a branch once per run: a second delivery appends nothing', () =>
    given([rated()]).when(rate('run-1', '2026-01-16')).then([]));

  it('lets a new run replace a provisional rating', () =>
    given([rated()])
      .when(rate('run-2', '2026-01-15'))
      .then([{ type: 'BranchRated', data: { ...rating('run-2'), noticeEndsOn: '2026-01-20' } }]));

  it('refuses to rate again once final', () =>
    given([rated(), finalized]).when(rate('run-2')).thenRefuses('RATING_ALREADY_FINAL'));

  it('records objections during the notice only', () => {
    const objection = (id: string): RatingCommand => ({
      type: 'RecordRatingObjection',
      data: { ...ref, objectionId: id, reason: '活动次数统计有误' },
      context: context(),
    });
    given([rated()])
      .when(objection('o1'))
      .then([
        {
          type: 'RatingObjectionRecorded',
          data: { ...ref, objectionId: 'o1', reason: '活动次数统计有误', runId: 'run-1' },
        },
      ]);
    given([rated(), finalized]).when(objection('o2')).thenRefuses('RATING_NOT_PROVISIONAL');
    given([]).when(objection('o3')).thenRefuses('RATING_NOT_FOUND');
  });

  it('finalizes after the notice period, not during it, and only once', () => {
    given([rated()]).when(finalize('2026-01-20')).thenRefuses('NOTICE_PERIOD_NOT_OVER');
    given([rated()]).when(finalize('2026-01-21')).then([finalized]);
    given([rated(), finalized]).when(finalize('2026-01-22')).then([]);
  });

  it('revokes (摘星) with a reason, once', () => {
    const revoke: RatingCommand = {
      type: 'RevokeRating',
      data: { ...ref, reason: '发生违纪问题' },
      context: context(),
    };
    const revoked: RatingEvent = {
      type: 'RatingRevoked',
      data: { ...ref, runId: 'run-1', previousStars: 4, reason: '发生违纪问题' },
    };
    given([rated(), finalized]).when(revoke).then([revoked]);
    given([rated(), finalized, revoked]).when(revoke).thenRefuses('RATING_ALREADY_REVOKED');
    given([]).when(revoke).thenRefuses('RATING_NOT_FOUND');
  });

  it('takes vetoes and appraisal scores until the rating is final', () => {
    const veto: RatingCommand = {
      type: 'RecordVeto',
      data: { ...ref, vetoId: 'x1', reason: '违纪' },
      context: context(),
    };
    given([rated()])
      .when(veto)
      .then([{ type: 'VetoRecorded', data: veto.data }]);
    given([rated(), { type: 'VetoRecorded', data: { ...ref, vetoId: 'x1', reason: '违纪' } }])
      .when(veto)
      .then([]);
    given([rated(), finalized]).when(veto).thenRefuses('RATING_ALREADY_FINAL');
    given([rated(), finalized])
      .when({ type: 'RecordAppraisalScore', data: { ...ref, score: 80 }, context: context() })
      .thenRefuses('RATING_ALREADY_FINAL');
  });
});
