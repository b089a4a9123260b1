import type { BranchRatedData, OrganizationRegisteredData } from '@gongjian/domain';
import { isRuralSector } from '@gongjian/domain';
import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';
import type { ReadModelProjection } from '../../../projection.definition';
import { alreadyApplied, businessDateOf, dataOf } from '../report-event';

export const RATINGS_REPORT_PROJECTION = 'report_ratings';
export const RATINGS_REPORT_COLLECTION = 'report_ratings';

/** A village or community branch (or any rated one) with its stars by period. */
export interface RatingsReportDocument extends ReadDocument {
  township: string;
  /** Business date of the registration; null for a branch known only by its rating. */
  registeredOn: string | null;
  /** By period: stars (null once revoked) and whether the rating is still under notice. */
  ratings: Record<string, { stars: number | null; status: 'provisional' | 'final' | 'revoked' }>;
}

const RATING_TYPES = new Set(['BranchRated', 'RatingFinalized', 'RatingRevoked']);

export const ratingsReportProjection: ReadModelProjection = {
  name: RATINGS_REPORT_PROJECTION,
  version: 1,
  collections: { [RATINGS_REPORT_COLLECTION]: [{ fields: [['township', 1]] }] },
  touches(event) {
    const rating = event.streamId.startsWith('rating-') && RATING_TYPES.has(event.type);
    const rural =
      event.type === 'OrganizationRegistered' &&
      isRuralSector(dataOf<OrganizationRegisteredData>(event).sector);
    return rating || rural
      ? [{ collection: RATINGS_REPORT_COLLECTION, id: String(event.data.organizationId) }]
      : [];
  },
  apply(current, event) {
    if (alreadyApplied(current, event)) return current as ReadDocument;
    const doc = current as RatingsReportDocument | undefined;
    if (event.type === 'OrganizationRegistered') {
      const next: RatingsReportDocument = {
        _id: String(event.data.organizationId),
        _pos: event.position,
        township: dataOf<OrganizationRegisteredData>(event).township,
        registeredOn: businessDateOf(event),
        ratings: doc?.ratings ?? {},
      };
      return next;
    }
    return withRating(doc, event);
  },
};

function withRating(
  doc: RatingsReportDocument | undefined,
  event: RecordedEvent,
): RatingsReportDocument | null {
  const period = String(event.data.period);
  if (event.type === 'BranchRated') {
    const d = dataOf<BranchRatedData>(event);
    return {
      _id: d.organizationId,
      _pos: event.position,
      township: doc?.township ?? d.township,
      registeredOn: doc?.registeredOn ?? null,
      ratings: { ...doc?.ratings, [period]: { stars: d.stars, status: 'provisional' } },
    };
  }
  const before = doc?.ratings[period];
  if (!doc || !before) return doc ?? null;
  const after =
    event.type === 'RatingFinalized'
      ? { ...before, status: 'final' as const }
      : { stars: null, status: 'revoked' as const };
  return { ...doc, _pos: event.position, ratings: { ...doc.ratings, [period]: after } };
}
