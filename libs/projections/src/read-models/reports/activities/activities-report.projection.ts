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
  /** Distinct dates per month ("MM") of guidance days and of collective activity days. */
  guidanceDates: Record<string, string[]>;
  collectiveDates: Record<string, string[]>;
}

const pairingRef = (pairingId: unknown): DocumentRef => ({
  collection: ACTIVITY_PAIRINGS_COLLECTION,
  id: String(pairingId),
});

const withDate = (dates: Record<string, string[]>, date: string) => {
  const month = date.slice(5, 7);
  const list = dates[month] ?? [];
  return list.includes(date) ? dates : { ...dates, [month]: [...list, date].sort() };
};

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
      guidanceDates: {},
      collectiveDates: {},
    };
    const tally = doc.byType[d.type] ?? { count: 0, participants: 0 };
    return {
      ...doc,
      _pos: event.position,
      byType: {
        ...doc.byType,
        [d.type]: { count: tally.count + 1, participants: tally.participants + d.participants },
      },
      guidanceDates:
        d.type === 'guidance_day' ? withDate(doc.guidanceDates, d.date) : doc.guidanceDates,
      collectiveDates:
        d.type === 'collective_activity_day'
          ? withDate(doc.collectiveDates, d.date)
          : doc.collectiveDates,
    };
  },
};
