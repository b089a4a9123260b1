import type {
  ActivityLoggedData,
  BranchPairedData,
  PairingDissolvedData,
  PairingRenewedData,
} from '@gongjian/domain';
import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';
import type { DocumentRef, ReadModelProjection } from '../../../projection.definition';
import { alreadyApplied, dataOf, yearOf } from '../report-event';

export const ACTIVITIES_REPORT_PROJECTION = 'report_activities';
/**
 * Where each pairing is counted (its village's township) and its term, for the activities that
 * follow.
 */
export const ACTIVITY_PAIRINGS_COLLECTION = 'report_activity_pairings';
/** One document per pairing and year of activity dates. */
export const ACTIVITY_YEARS_COLLECTION = 'report_activity_years';

export interface ActivityPairingReportDocument extends ReadDocument {
  township: string;
  startsOn: string;
  endsOn: string;
  dissolvedOn?: string;
}

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
  /**
   * The first and last day of the year (inclusive) the pairing's term covers: its start and its
   * end (or the day it was dissolved), within the year; a month covered only in part is measured
   * against prorated targets, as in the pairing's `activitiesByMonth`.
   */
  covers: { from: string; to: string };
}

const pairingRef = (pairingId: unknown): DocumentRef => ({
  collection: ACTIVITY_PAIRINGS_COLLECTION,
  id: String(pairingId),
});
const yearRef = (pairingId: string, year: number): DocumentRef => ({
  collection: ACTIVITY_YEARS_COLLECTION,
  id: `${pairingId}:${year}`,
});

/**
 * The days of `year` the pairing's term covers (its end the day it was dissolved, once it was);
 * the whole year for a pairing not known, so that it is measured against the full targets.
 */
export function termCoverOf(
  pairing: ReadDocument | undefined,
  year: number,
): ActivityYearReportDocument['covers'] {
  const first = `${String(year).padStart(4, '0')}-01-01`;
  const last = `${String(year).padStart(4, '0')}-12-31`;
  const doc = pairing as Partial<ActivityPairingReportDocument> | undefined;
  const startsOn = doc?.startsOn ?? first;
  const endsOn = doc?.dissolvedOn ?? doc?.endsOn ?? last;
  return { from: startsOn > first ? startsOn : first, to: endsOn < last ? endsOn : last };
}

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

/**
 * Version 2: pairings keep their term and each year document the days of the year it covers
 * (`covers`), so that months a term covers in part are measured against prorated targets. A
 * renewal or a dissolution changes the cover of the year its old or new end falls in; no year
 * after it has activities yet (none are dated after the end a renewal extends, nor after the day
 * of a dissolution), and the years before it are covered to their end either way.
 */
export const activitiesReportProjection: ReadModelProjection = {
  name: ACTIVITIES_REPORT_PROJECTION,
  version: 2,
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
    switch (event.type) {
      case 'BranchPaired':
        return [pairingRef(event.data.pairingId)];
      case 'PairingRenewed': {
        const d = dataOf<PairingRenewedData>(event);
        // The pairing first: the year document reads it as this event leaves it.
        return [pairingRef(d.pairingId), yearRef(d.pairingId, yearOf(d.previousEndsOn))];
      }
      case 'PairingDissolved': {
        const d = dataOf<PairingDissolvedData>(event);
        return [pairingRef(d.pairingId), yearRef(d.pairingId, yearOf(d.on))];
      }
      case 'ActivityLogged': {
        const d = dataOf<ActivityLoggedData>(event);
        return [yearRef(d.pairingId, yearOf(d.date))];
      }
      default:
        return [];
    }
  },
  reads: (event) => (event.type === 'ActivityLogged' ? [pairingRef(event.data.pairingId)] : []),
  apply(current, event, ref, context) {
    if (alreadyApplied(current, event)) return current as ReadDocument;
    if (ref.collection === ACTIVITY_PAIRINGS_COLLECTION) return pairingDocument(current, event);
    if (event.type !== 'ActivityLogged') {
      // A renewal or dissolution: the year's cover as the pairing now stands (no document yet:
      // no activity of the pairing that year, nothing to measure).
      if (current === undefined) return null;
      const doc = current as ActivityYearReportDocument;
      return {
        ...doc,
        _pos: event.position,
        covers: termCoverOf(context.get(pairingRef(doc.pairingId)), doc.year),
      };
    }
    const d = dataOf<ActivityLoggedData>(event);
    const pairing = context.get(pairingRef(d.pairingId));
    const doc: ActivityYearReportDocument = (current as ActivityYearReportDocument | undefined) ?? {
      _id: `${d.pairingId}:${yearOf(d.date)}`,
      _pos: event.position,
      pairingId: d.pairingId,
      township: String(pairing?.township ?? ''),
      year: yearOf(d.date),
      byType: {},
      guidanceDays: {},
      collectiveDays: {},
      covers: termCoverOf(pairing, yearOf(d.date)),
    };
    const tally = doc.byType[d.type] ?? { count: 0, participants: 0 };
    return {
      ...doc,
      _pos: event.position,
      covers: pairing === undefined ? doc.covers : termCoverOf(pairing, doc.year),
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

/** A pairing's township and term, as agreed, renewed and dissolved. */
function pairingDocument(
  current: ReadDocument | undefined,
  event: RecordedEvent,
): ReadDocument | null {
  if (event.type === 'BranchPaired') {
    const d = dataOf<BranchPairedData>(event);
    return {
      _id: d.pairingId,
      _pos: event.position,
      township: d.ruralTownship,
      startsOn: d.startsOn,
      endsOn: d.endsOn,
    };
  }
  if (current === undefined) return null;
  if (event.type === 'PairingRenewed') {
    return { ...current, _pos: event.position, endsOn: dataOf<PairingRenewedData>(event).endsOn };
  }
  return { ...current, _pos: event.position, dissolvedOn: dataOf<PairingDissolvedData>(event).on };
}
