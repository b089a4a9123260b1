import type {
  BranchRatedData,
  EvaluationCompletedData,
  EvaluationFailedData,
  EvaluationRequestedData,
  RatingFinalizedData,
  RatingObjectionRecordedData,
  RatingRevokedData,
  RuleSetPublishedData,
} from '@gongjian/domain';
import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';
import type { DocumentRef, ReadModelProjection } from '../../projection.definition';
import { skippingApplied } from '../shared/position-guard';
import { ratedDocument, RatingDocument, ratingDocumentId } from './rating-document';

export const RATINGS = 'ratings';
export const RULE_SETS = 'rule_sets';
export const EVALUATION_RUNS = 'evaluation_runs';

const RATING_TYPES: ReadonlySet<string> = new Set([
  'BranchRated',
  'RatingObjectionRecorded',
  'RatingFinalized',
  'RatingRevoked',
]);
const RUN_TYPES: ReadonlySet<string> = new Set([
  'EvaluationRequested',
  'EvaluationCompleted',
  'EvaluationFailed',
]);

const byId = (field: string) => ({ fields: [[field, 1] as const, ['_id', 1] as const] });

/**
 * Star ratings as they are read: one document per branch and period (`<period>-<orgId>`), one
 * per rule set with its versions, one per evaluation run. Appraisal scores and vetoes are inputs
 * of a run and show up in the ratings it records.
 */
export const ratingsProjection: ReadModelProjection = {
  name: 'ratings',
  version: 1,
  collections: {
    [RATINGS]: [
      byId('period'),
      byId('organizationId'),
      byId('township'),
      byId('stars'),
      {
        fields: [
          ['period', 1],
          ['stars', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['period', 1],
          ['township', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['status', 1],
          ['noticeEndsOn', 1],
        ],
      },
    ],
    [RULE_SETS]: [],
    [EVALUATION_RUNS]: [byId('period')],
  },
  touches(event): DocumentRef[] {
    const data = event.data;
    if (event.streamId.startsWith('rating-') && RATING_TYPES.has(event.type))
      return [
        {
          collection: RATINGS,
          id: ratingDocumentId(String(data.period), String(data.organizationId)),
        },
      ];
    if (event.streamId.startsWith('ruleset-') && event.type === 'RuleSetPublished')
      return [{ collection: RULE_SETS, id: String(data.ruleSetId) }];
    if (event.streamId.startsWith('evaluation-') && RUN_TYPES.has(event.type))
      return [{ collection: EVALUATION_RUNS, id: String(data.runId) }];
    return [];
  },
  apply: skippingApplied((current, event, ref) => {
    if (ref.collection === RATINGS) return rating(current as RatingDocument | undefined, event);
    if (ref.collection === RULE_SETS) return ruleSet(current, event);
    return run(current, event);
  }),
};

function rating(current: RatingDocument | undefined, event: RecordedEvent): ReadDocument | null {
  if (event.type === 'BranchRated')
    return ratedDocument(event.data as BranchRatedData, current, event.position);
  if (!current) return null;
  const at = event.metadata.recordedAt;
  switch (event.type) {
    case 'RatingObjectionRecorded': {
      const {
        organizationId: _o,
        period: _p,
        ...objection
      } = event.data as RatingObjectionRecordedData;
      return { ...current, objections: [...current.objections, { ...objection, at }] };
    }
    case 'RatingFinalized': {
      const { on } = event.data as RatingFinalizedData;
      return { ...current, status: 'final', finalizedOn: on };
    }
    default: {
      const { previousStars, reason } = event.data as RatingRevokedData;
      return {
        ...current,
        status: 'revoked',
        change: 'revoked',
        stars: null,
        revoked: { stars: previousStars, reason, at },
      };
    }
  }
}

function ruleSet(current: ReadDocument | undefined, event: RecordedEvent): ReadDocument {
  const data = event.data as RuleSetPublishedData;
  const version = { ...data, publishedAt: event.metadata.recordedAt };
  const versions = [...((current?.versions as (typeof version)[] | undefined) ?? []), version];
  versions.sort((a, b) => a.version - b.version);
  const latest = versions[versions.length - 1];
  return {
    _id: data.ruleSetId,
    _pos: event.position,
    id: data.ruleSetId,
    title: String(latest.ruleSet.title ?? data.ruleSetId),
    latestVersion: latest.version,
    latestHash: latest.hash,
    versions,
  };
}

/** A run's status from its stream: queued until it completes or fails; a failed one may be asked again. */
function run(current: ReadDocument | undefined, event: RecordedEvent): ReadDocument | null {
  const at = event.metadata.recordedAt;
  if (event.type === 'EvaluationRequested') {
    const { trigger, ...key } = event.data as EvaluationRequestedData;
    return {
      ...current,
      _id: key.runId,
      _pos: event.position,
      ...key,
      trigger: (current?.trigger as string | undefined) ?? trigger,
      attempts: Number(current?.attempts ?? 0) + 1,
      status: 'queued',
      progress: { done: 0, total: 0 },
      requestedAt: at,
    };
  }
  if (!current) return null;
  if (event.type === 'EvaluationCompleted') {
    const { rated, byStars, skipped } = event.data as EvaluationCompletedData;
    return {
      ...current,
      status: 'completed',
      finishedAt: at,
      progress: { done: rated, total: rated + skipped.length },
      summary: { byStars, skipped },
    };
  }
  const { reason } = event.data as EvaluationFailedData;
  return {
    ...current,
    status: 'failed',
    finishedAt: at,
    failureReason: reason,
    progress: { done: 0, total: 0 },
  };
}
