export type RatingStatus = 'provisional' | 'final' | 'revoked';

export interface PeriodRating {
  runId: string;
  stars: number;
  status: RatingStatus;
  noticeEndsOn: string;
}

export interface PeriodRecord {
  rating?: PeriodRating;
  vetoIds: string[];
  objectionIds: string[];
}

/** A branch's rating stream, by period. */
export interface RatingState {
  organizationId?: string;
  periods: Record<string, PeriodRecord>;
}

export const initialRatingState = (): RatingState => ({ periods: {} });
