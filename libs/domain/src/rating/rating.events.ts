import { DomainEvent } from '../shared/decider';

/**
 * Stream `rating-<orgId>`: what is recorded about a branch's star rating, period by period.
 * Points are hundredths of a point (integers: hashed JSON holds no floats).
 */
type RatingRef = { organizationId: string; period: string };

export type RatedIndicator = {
  key: string;
  label: string;
  part: string;
  type: 'indicator' | 'deduction';
  value: number;
  target: number;
  pointsCenti: number;
  maxPointsCenti: number;
  evidence: string[];
  missing?: true;
  note?: string;
};

export type RatingLimit = {
  key: string;
  kind: 'veto' | 'category_cap' | 'five_star_condition' | 'quota';
  fromStars: number;
  toStars: number;
};

export type RatingImprovementPlan = {
  nextStars: number;
  gapCenti: number;
  items: { key: string; label: string; missingCenti: number }[];
  blockers: { key: string; kind: RatingLimit['kind'] }[];
  reachable: boolean;
};

/** 民主评议: the appraisal score (0–100) for the period; a later one corrects it. */
export type AppraisalScoreRecordedData = RatingRef & { score: number; respondents?: number };

/** 一票否决 recorded for the period, e.g. a disciplinary finding. */
export type VetoRecordedData = RatingRef & { vetoId: string; reason: string };

/**
 * The result of an evaluation run (provisional until its public notice ends). `runId` names the
 * run key (period, rule set and its hash, cut-off position): a run rates a branch once.
 */
export type BranchRatedData = RatingRef & {
  runId: string;
  ruleSetId: string;
  ruleSetVersion: number;
  ruleSetHash: string;
  cutoffPosition: string;
  name: string;
  township: string;
  scoreCenti: number;
  scoreStars: number;
  stars: number;
  previousStars?: number;
  change: 'new' | 'upgraded' | 'downgraded' | 'unchanged';
  incomplete: boolean;
  indicators: RatedIndicator[];
  vetoes: { key: string; label: string; reason: string; evidence: string[] }[];
  limits: RatingLimit[];
  improvementPlan?: RatingImprovementPlan;
  /** The last day of the public notice (公示); objections are taken until then. */
  noticeEndsOn: string;
};

export type RatingObjectionRecordedData = RatingRef & {
  objectionId: string;
  runId: string;
  reason: string;
  by?: string;
};

export type RatingFinalizedData = RatingRef & { runId: string; stars: number; on: string };

/** 摘星: the rating no longer stands; stars go to none. */
export type RatingRevokedData = RatingRef & {
  runId: string;
  previousStars: number;
  reason: string;
};

export type AppraisalScoreRecorded = DomainEvent<
  'AppraisalScoreRecorded',
  AppraisalScoreRecordedData
>;
export type VetoRecorded = DomainEvent<'VetoRecorded', VetoRecordedData>;
export type BranchRated = DomainEvent<'BranchRated', BranchRatedData>;
export type RatingObjectionRecorded = DomainEvent<
  'RatingObjectionRecorded',
  RatingObjectionRecordedData
>;
export type RatingFinalized = DomainEvent<'RatingFinalized', RatingFinalizedData>;
export type RatingRevoked = DomainEvent<'RatingRevoked', RatingRevokedData>;

export type RatingEvent =
  | AppraisalScoreRecorded
  | VetoRecorded
  | BranchRated
  | RatingObjectionRecorded
  | RatingFinalized
  | RatingRevoked;

export const RATING_EVENT_TYPES = [
  'AppraisalScoreRecorded',
  'VetoRecorded',
  'BranchRated',
  'RatingObjectionRecorded',
  'RatingFinalized',
  'RatingRevoked',
] as const satisfies readonly RatingEvent['type'][];

export const organizationIdsOfRatingEvent = (event: RatingEvent): string[] => [
  event.data.organizationId,
];
