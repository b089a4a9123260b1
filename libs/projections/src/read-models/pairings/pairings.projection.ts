import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';
import type { BranchPairedData, CommitmentDeliveredData } from '@gongjian/domain';
import type { DocumentRef, ReadModelProjection } from '../../projection.definition';
import { skippingApplied } from '../shared/position-guard';
import { activistsDocument, RURAL_ACTIVISTS } from './rural-activists';

export const PAIRINGS = 'pairings';

const PAIRING_PREFIX = 'pairing-';

/** Monthly tallies: distinct dates per kind of day, a count for every other activity. */
export interface MonthTally {
  guidanceDates: string[];
  collectiveDates: string[];
  otherActivities: number;
}

/**
 * What was delivered against the agreement, by `<kind>:<ref>` (allocations:
 * `funds:allocation:<id>`, with what is allocated as the quantity and what of it was paid out).
 */
type Deliveries = Record<
  string,
  { kind: 'funds' | 'projects' | 'activists'; quantity: number; disbursedFen?: number }
>;

type AllocationDelivery = { allocatedFen: number; disbursedFen?: number };

/**
 * One document per pairing (the Pairing read shape, status kept as recorded: `active` or
 * `dissolved`; `expired` depends on today and is derived at query time from `endsOn`), and one
 * per rural organization with the activists it designated during each pairing's term
 * (see rural-activists.ts). Delivery is fed by CommitmentDelivered, by projects launched under
 * the pairing and by the allocations that name it: `delivered.fundsFen` is what is allocated
 * under the pairing (after reductions and cancellations), `delivered.disbursedFen` what of it
 * was paid out. Activities entered late are counted in `lateEntries`, trainees by kind in
 * `trainees`.
 */
export const pairingsProjection: ReadModelProjection = {
  name: 'pairings',
  version: 2,
  collections: {
    [PAIRINGS]: [
      {
        fields: [
          ['organizationIds', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['townships', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['recordStatus', 1],
          ['endsOn', 1],
          ['_id', 1],
        ],
      },
    ],
    [RURAL_ACTIVISTS]: [],
  },
  touches(event) {
    const refs: DocumentRef[] = [];
    const data = event.data as { pairingId?: string; ruralOrganizationId?: string };
    switch (event.type) {
      case 'BranchPaired':
      case 'PairingRenewed':
      case 'PairingDissolved':
        refs.push({ collection: RURAL_ACTIVISTS, id: data.ruralOrganizationId as string });
        refs.push({ collection: PAIRINGS, id: data.pairingId as string });
        break;
      case 'ActivityLogged':
      case 'CommitmentDelivered':
        if (event.streamId.startsWith(PAIRING_PREFIX)) {
          refs.push({ collection: PAIRINGS, id: data.pairingId as string });
        }
        break;
      case 'ProjectLaunched':
      case 'AllocationOpened':
      case 'DisbursementRecorded':
      case 'AllocationReduced':
      case 'AllocationCancelled':
        if (data.pairingId !== undefined) {
          refs.push({ collection: PAIRINGS, id: data.pairingId });
        }
        break;
      case 'ActivistDesignated':
        refs.push({
          collection: RURAL_ACTIVISTS,
          id: (event.data as { organizationId: string }).organizationId,
        });
        break;
      default:
        break;
    }
    return refs;
  },
  apply: skippingApplied((current, event, ref) => {
    if (ref.collection === RURAL_ACTIVISTS) return activistsDocument(current, event, ref.id);
    if (event.type === 'BranchPaired') return pairedDocument(event);
    if (current === undefined) return null;
    return changedPairing(current, event);
  }),
};

function pairedDocument(event: RecordedEvent): ReadDocument {
  const d = event.data as BranchPairedData;
  return {
    _id: d.pairingId,
    _pos: event.position,
    revision: event.revision,
    id: d.pairingId,
    urbanOrganizationId: d.urbanOrganizationId,
    ruralOrganizationId: d.ruralOrganizationId,
    organizationIds: [d.urbanOrganizationId, d.ruralOrganizationId],
    urbanName: d.urbanName,
    ruralName: d.ruralName,
    urbanTownship: d.urbanTownship,
    ruralTownship: d.ruralTownship,
    townships: [...new Set([d.ruralTownship, d.urbanTownship])],
    recordStatus: 'active',
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    contactLeader: d.contactLeader,
    requiredCategory: d.requiredCategory,
    principleMatched: d.principleMatched,
    ...(d.principleOverrideReason !== undefined && {
      principleOverrideReason: d.principleOverrideReason,
    }),
    commitments: d.commitments,
    deliveries: {},
    delivered: { fundsFen: 0, projects: 0, activists: 0, disbursedFen: 0 },
    months: {},
    activityCount: 0,
    lateEntries: 0,
    trainees: {},
  };
}

function changedPairing(current: ReadDocument, event: RecordedEvent): ReadDocument {
  const own = event.streamId === `${PAIRING_PREFIX}${current._id}`;
  const next: ReadDocument = {
    ...current,
    _pos: event.position,
    ...(own && { revision: event.revision }),
  };
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'PairingRenewed':
      return { ...next, endsOn: data.endsOn };
    case 'PairingDissolved':
      return {
        ...next,
        recordStatus: 'dissolved',
        dissolvedOn: data.on,
        dissolutionReason: data.reason,
      };
    case 'ActivityLogged':
      return withActivityFacts(withActivity(next, data.type as string, data.date as string), data);
    case 'CommitmentDelivered': {
      const d = data as CommitmentDeliveredData;
      const quantity = d.kind === 'funds' ? d.amountFen : d.count;
      return withDelivery(next, `${d.kind}:${d.ref}`, d.kind, quantity, false);
    }
    case 'ProjectLaunched':
      return withDelivery(next, `projects:${data.projectId as string}`, 'projects', 1, false);
    case 'AllocationOpened':
      return withAllocation(next, data.allocationId as string, {
        allocatedFen: data.amountFen as number,
      });
    case 'DisbursementRecorded':
      return withAllocation(next, data.allocationId as string, {
        disbursedFen: data.disbursedFen as number,
      });
    case 'AllocationReduced':
      return withAllocation(next, data.allocationId as string, {
        allocatedFen: data.allocatedFen as number,
      });
    case 'AllocationCancelled':
      return withAllocation(next, data.allocationId as string, { allocatedFen: 0 });
    default:
      return next;
  }
}

/** An allocation's running totals under the pairing, each event giving what it knows. */
function withAllocation(
  doc: ReadDocument,
  allocationId: string,
  change: Partial<AllocationDelivery>,
): ReadDocument {
  const key = `funds:allocation:${allocationId}`;
  const known = (doc.deliveries as Deliveries)[key];
  const disbursedFen = change.disbursedFen ?? known?.disbursedFen ?? 0;
  return withDelivery(doc, key, 'funds', change.allocatedFen ?? known?.quantity ?? 0, true, {
    disbursedFen,
  });
}

function withActivityFacts(doc: ReadDocument, data: Record<string, unknown>): ReadDocument {
  const lateEntries = ((doc.lateEntries as number | undefined) ?? 0) + (data.enteredLate ? 1 : 0);
  const trainees = { ...((doc.trainees as Record<string, number> | undefined) ?? {}) };
  for (const [kind, count] of Object.entries((data.trainees as Record<string, number>) ?? {})) {
    trainees[kind] = (trainees[kind] ?? 0) + count;
  }
  return { ...doc, lateEntries, trainees };
}

/** `replace`: the quantity is a running total (an allocation's disbursed fen), not a one-off fact. */
function withDelivery(
  doc: ReadDocument,
  key: string,
  kind: 'funds' | 'projects' | 'activists',
  quantity: number,
  replace: boolean,
  extra: { disbursedFen?: number } = {},
): ReadDocument {
  const deliveries = doc.deliveries as Deliveries;
  if (deliveries[key] && !replace) return doc;
  const next: Deliveries = { ...deliveries, [key]: { kind, quantity, ...extra } };
  const total = (k: string) =>
    Object.values(next)
      .filter((d) => d.kind === k)
      .reduce((sum, d) => sum + d.quantity, 0);
  return {
    ...doc,
    deliveries: next,
    delivered: {
      fundsFen: total('funds'),
      projects: total('projects'),
      activists: total('activists'),
      disbursedFen: Object.values(next).reduce((sum, d) => sum + (d.disbursedFen ?? 0), 0),
    },
  };
}

function withActivity(doc: ReadDocument, type: string, date: string): ReadDocument {
  const months = doc.months as Record<string, MonthTally>;
  const key = date.slice(0, 7);
  const tally = months[key] ?? { guidanceDates: [], collectiveDates: [], otherActivities: 0 };
  const addDate = (dates: string[]) => (dates.includes(date) ? dates : [...dates, date].sort());
  const updated: MonthTally =
    type === 'guidance_day'
      ? { ...tally, guidanceDates: addDate(tally.guidanceDates) }
      : type === 'collective_activity_day'
        ? { ...tally, collectiveDates: addDate(tally.collectiveDates) }
        : { ...tally, otherActivities: tally.otherActivities + 1 };
  const last = doc.lastActivityOn as string | undefined;
  return {
    ...doc,
    months: { ...months, [key]: updated },
    activityCount: (doc.activityCount as number) + 1,
    lastActivityOn: last !== undefined && last > date ? last : date,
  };
}
