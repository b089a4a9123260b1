import { pairingStatusOn } from '@gongjian/domain';
import type { MonthTally } from '@gongjian/projections';
import type { ReadDocument } from '@gongjian/read-store';
import { publicFields } from '../../../read-side/read-view';
import {
  activitiesByMonth,
  COLLECTIVE_ACTIVITY_DAYS_PER_MONTH,
  GUIDANCE_DAYS_PER_WEEK,
} from './activities-by-month';

type Commitments = { fundsFen: number; projects: number; activists: number };

/**
 * The Pairing read shape (API.md) on `today`: `expired` once the term has ended, activities per
 * month over the term so far, and activists developed by the rural organization during the term
 * counted as delivered (`activistsDesignated`, from its rural_activists document).
 */
export function toPairingView(document: ReadDocument, activistsDesignated: number, today: string) {
  const endsOn = document.endsOn as string;
  const dissolvedOn = document.dissolvedOn as string | undefined;
  const startsOn = document.startsOn as string;
  const delivered = document.delivered as Commitments;
  const lastDay = [endsOn, dissolvedOn ?? endsOn, today].sort()[0];
  return {
    ...publicFields(document, [
      'recordStatus',
      'deliveries',
      'months',
      'organizationIds',
      'townships',
    ]),
    status: pairingStatusOn({ endsOn, dissolvedOn }, today),
    delivered: { ...delivered, activists: delivered.activists + activistsDesignated },
    activityTargets: {
      guidanceDaysPerWeek: GUIDANCE_DAYS_PER_WEEK,
      collectiveActivityDaysPerMonth: COLLECTIVE_ACTIVITY_DAYS_PER_MONTH,
    },
    activitiesByMonth: activitiesByMonth(
      document.months as Record<string, MonthTally>,
      {
        from: startsOn,
        to: lastDay,
      },
      { startsOn, endsOn: dissolvedOn ?? endsOn },
    ),
  };
}

/** Activists the rural organization designated during this pairing's term. */
export function activistsDesignatedFor(pairingId: string, activists: ReadDocument | undefined) {
  return (activists?.byPairing as Record<string, number> | undefined)?.[pairingId] ?? 0;
}
