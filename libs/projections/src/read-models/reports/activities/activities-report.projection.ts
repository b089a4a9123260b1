import type { ActivityLoggedData, BranchPairedData } from '@gongjian/domain';
import type { ReadDocument } from '@gongjian/read-store';
import type { DocumentRef, ReadModelProjection } from '../../../projection.definition';
import { alreadyApplied, dataOf, yearOf } from '../report-event';

export const ACTIVITIES_REPORT_PROJECTION = 'report_activities';
/** Where each pairing is counted (its village's township), for the activities that follow. */
export const ACTIVITY_PAIRINGS_COLLECTION = 'report_activity_pairings';
/** One document per pairing and year of activity dates. */
export const ACTIVITY_YEARS_COLLECTION = 'report_activity_years';

export interface ActivityYearReportDocument extends ReadDocument {
  pairingId: string;
  township: string;
  year: number;
  byType: Record<string, { count: number; participants: number }>;
  /**
   * The distinct days per month ("MM") with a guidance day and with a collective activity day,
   * as bit sets (bit d−1 for day d): a day counts once however many activities fall on it.
   */
  guidanceDays: Record<string, number>;
  collectiveDays: Record<string, number>;
}

const pairingRef = (pairingId: unknown): DocumentRef => ({
  collection: ACTIVITY_PAIRINGS_COLLECTION,
  id: String(pairingId),
});

const withDay = (days: Record<string, number>, date: string) => {
  const month = date.slice(5, 7);
  return { ...days, [month]: ((days[month] ?? 0) | (1 << (Number(date.slice(8, 10)) - 1))) >>> 0 };
};

/** How many days a month's bit set holds. */
export function dayCount(bits: number | undefined): number {
  let count = 0;
  for (let rest = bits ?? 0; rest !== 0; rest >>>= 1) count += rest & 1;
  return count;
}

export const activitiesReportProjection: ReadModelProjection = {
  name: ACTIVITIES_REPORT_PROJECTION,
  version: 1,
  collections: {
    [ACTIVITY_PAIRINGS_COLLECTION]: [],
    [ACTIVITY_YEARS_COLLECTION]: [
      {
        fields: [
          ['year', 1],
          ['township', 1],
        ],
      },
    ],
  },
  touches(event) {
    if (event.type === 'BranchPaired') return [pairingRef(event.data.pairingId)];
    if (event.type !== 'ActivityLogged') return [];
    const d = dataOf<ActivityLoggedData>(event);
    return [{ collection: ACTIVITY_YEARS_COLLECTION, id: `${d.pairingId}:${yearOf(d.date)}` }];
  },
  reads: (event) => (event.type === 'ActivityLogged' ? [pairingRef(event.data.pairingId)] : []),
  apply(current, event, _ref, context) {
    if (alreadyApplied(current, event)) return current as ReadDocument;
    if (event.type === 'BranchPaired') {
      const d = dataOf<BranchPairedData>(event);
      return { _id: d.pairingId, _pos: event.position, township: d.ruralTownship };
    }
    const d = dataOf<ActivityLoggedData>(event);
    const doc: ActivityYearReportDocument = (current as ActivityYearReportDocument | undefined) ?? {
      _id: `${d.pairingId}:${yearOf(d.date)}`,
      _pos: event.position,
      pairingId: d.pairingId,
      township: String(context.get(pairingRef(d.pairingId))?.township ?? ''),
      year: yearOf(d.date),
      byType: {},
      guidanceDays: {},
      collectiveDays: {},
    };
    const tally = doc.byType[d.type] ?? { count: 0, participants: 0 };
    return {
      ...doc,
      _pos: event.position,
      byType: {
        ...doc.byType,
        [d.type]: { count: tally.count + 1, participants: tally.participants + d.participants },
      },
      guidanceDays:
        d.type === 'guidance_day' ? withDay(doc.guidanceDays, d.date) : doc.guidanceDays,
      collectiveDays:
        d.type === 'collective_activity_day'
          ? withDay(doc.collectiveDays, d.date)
          : doc.collectiveDays,
    };
  },
};
