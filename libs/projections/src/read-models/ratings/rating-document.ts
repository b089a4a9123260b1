import type {
  BranchRatedData,
  RatedIndicator,
  RatingImprovementPlan,
  RatingObjectionRecordedData,
} from '@gongjian/domain';
import type { ReadDocument } from '@gongjian/read-store';

/** Events hold hundredths of a point (integers); readers get points with two decimals beside them. */
export const pointsOf = (centi: number): number => centi / 100;

export type RatingStatus = 'provisional' | 'final' | 'revoked';
export type RatingChange = BranchRatedData['change'] | 'revoked';

/** One branch's rating for one period: the Rating read shape (API.md) and its public notice. */
export interface RatingDocument extends ReadDocument {
  /** `<period>-<organizationId>`. */
  id: string;
  organizationId: string;
  name: string;
  township: string;
  period: string;
  runId: string;
  ruleSetId: string;
  ruleSetVersion: number;
  ruleSetHash: string;
  cutoffPosition: string;
  score: number;
  scoreCenti: number;
  /** What the score alone earned, before vetoes, caps, conditions and quotas. */
  scoreStars: number;
  /** Null once revoked (摘星). */
  stars: number | null;
  previousStars?: number;
  change: RatingChange;
  status: RatingStatus;
  noticeEndsOn: string;
  finalizedOn?: string;
  revoked?: { stars: number; reason: string; at: string };
  incomplete: boolean;
  vetoes: BranchRatedData['vetoes'];
  limits: BranchRatedData['limits'];
  indicators: (RatedIndicator & { points: number; maxPoints: number })[];
  improvementPlan?: RatingImprovementPlan & {
    gap: number;
    items: { key: string; label: string; missing: number; missingCenti: number }[];
  };
  objections: (Omit<RatingObjectionRecordedData, 'organizationId' | 'period'> & { at: string })[];
}

export const ratingDocumentId = (period: string, organizationId: string) =>
  `${period}-${organizationId}`;

/**
 * The document of a new rating; a later run of the same period replaces it (objections stay:
 * they were recorded against the branch's rating of the period).
 */
export function ratedDocument(
  data: BranchRatedData,
  previous: RatingDocument | undefined,
  position: string,
): RatingDocument {
  const { improvementPlan, indicators, ...rest } = data;
  const id = ratingDocumentId(data.period, data.organizationId);
  return {
    _id: id,
    _pos: position,
    id,
    ...rest,
    score: pointsOf(data.scoreCenti),
    status: 'provisional',
    indicators: indicators.map((indicator) => ({
      ...indicator,
      points: pointsOf(indicator.pointsCenti),
      maxPoints: pointsOf(indicator.maxPointsCenti),
    })),
    ...(improvementPlan && {
      improvementPlan: {
        ...improvementPlan,
        gap: pointsOf(improvementPlan.gapCenti),
        items: improvementPlan.items.map((item) => ({
          ...item,
          missing: pointsOf(item.missingCenti),
        })),
      },
    }),
    objections: previous?.objections ?? [],
  };
}
