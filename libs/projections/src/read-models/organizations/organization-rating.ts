import type { BranchRatedData } from '@gongjian/domain';
import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';

const TYPES: ReadonlySet<string> = new Set(['BranchRated', 'RatingFinalized', 'RatingRevoked']);

/** A branch's stars for one period as the organization shows it. */
export interface PeriodStars {
  period: string;
  /** Null once revoked (摘星). */
  stars: number | null;
  change: BranchRatedData['change'] | 'revoked';
  /** `provisional` during the public notice (公示), then `final`; or `revoked`. */
  status: 'provisional' | 'final' | 'revoked';
}

/** The rating events an organization's document follows (stream `rating-<orgId>`). */
export const isOrganizationRatingEvent = (event: RecordedEvent): boolean =>
  event.streamId.startsWith('rating-') && TYPES.has(event.type);

/**
 * `rating`: the latest period's rating, provisional or final (its `status` tells which);
 * `ratingPeriods` (internal) keeps each period's, so a change to an older period leaves it.
 */
export function withRatingEvent(current: ReadDocument, event: RecordedEvent): ReadDocument {
  const periods = { ...((current.ratingPeriods as Record<string, PeriodStars>) ?? {}) };
  const period = String(event.data.period);
  const before = periods[period];
  if (event.type === 'BranchRated') {
    const { stars, change } = event.data as BranchRatedData;
    periods[period] = { period, stars, change, status: 'provisional' };
  } else if (before && event.type === 'RatingFinalized') {
    periods[period] = { ...before, status: 'final' };
  } else if (before && event.type === 'RatingRevoked') {
    periods[period] = { period, stars: null, change: 'revoked', status: 'revoked' };
  }
  return { ...current, ...ratingFields(periods) };
}

/** The rating fields of a document, for carrying them into a document rebuilt from its state. */
export function carriedRating(current: ReadDocument | undefined): Partial<ReadDocument> {
  const periods = current?.ratingPeriods as Record<string, PeriodStars> | undefined;
  return periods ? ratingFields(periods) : {};
}

function ratingFields(periods: Record<string, PeriodStars>): Partial<ReadDocument> {
  const latest = Object.keys(periods).sort().pop();
  return latest === undefined ? {} : { rating: periods[latest], ratingPeriods: periods };
}
