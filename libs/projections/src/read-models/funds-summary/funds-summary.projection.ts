import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';
import type { AllocationRef } from '@gongjian/domain';
import type {
  DocumentRef,
  ProjectionContext,
  ReadModelProjection,
} from '../../projection.definition';
import { skippingApplied } from '../shared/position-guard';
import { businessDateOf } from '../reports/report-event';

export const FUNDS_SUMMARY = 'funds_summary';
/**
 * Sector, township and registration date of every organization: sector and township are copied
 * onto the recipient rows; the summary by recipient also lists from here the organizations a
 * standard applies to that have no row for the year.
 */
export const FUNDS_ORGANIZATIONS = 'funds_organizations';

/** Group keys kept as documents; `township` is summed from the recipient rows at query time. */
export const FUNDS_GROUPS = ['recipient', 'source', 'purpose'] as const;
export type FundsGroup = (typeof FUNDS_GROUPS)[number];

export const fundsSummaryId = (year: number, group: FundsGroup, key: string) =>
  `${year}:${group}:${key}`;

const ALLOCATION_TYPES: ReadonlySet<string> = new Set([
  'AllocationOpened',
  'DisbursementRecorded',
  'ExpenditureRecorded',
  'AllocationReduced',
  'AllocationCancelled',
]);

/**
 * Funds per year × group key (recipient, source, purpose): allocated, disbursed and spent fen,
 * kept as running totals. Recipient rows also keep what was allocated by purpose, the recipient's
 * sector, township and Party member count for the year, which is what the funding standards are
 * assessed on (standards are configuration, so they are assessed when the summary is read).
 * Version 2: organizations keep their registration date (who is assessed in a year).
 */
export const fundsSummaryProjection: ReadModelProjection = {
  name: 'funds-summary',
  version: 2,
  collections: {
    [FUNDS_SUMMARY]: [
      {
        fields: [
          ['year', 1],
          ['groupBy', 1],
          ['_id', 1],
        ],
      },
    ],
    [FUNDS_ORGANIZATIONS]: [{ fields: [['township', 1]] }],
  },
  touches(event) {
    if (event.type === 'OrganizationRegistered') {
      return [{ collection: FUNDS_ORGANIZATIONS, id: organizationIdOf(event) }];
    }
    if (event.type === 'MemberCountRecorded') {
      const { year } = event.data as { year: number };
      return [
        {
          collection: FUNDS_SUMMARY,
          id: fundsSummaryId(year, 'recipient', organizationIdOf(event)),
        },
      ];
    }
    if (!event.streamId.startsWith('allocation-') || !ALLOCATION_TYPES.has(event.type)) return [];
    const d = event.data as AllocationRef;
    return [
      {
        collection: FUNDS_SUMMARY,
        id: fundsSummaryId(d.year, 'recipient', d.recipientOrganizationId),
      },
      { collection: FUNDS_SUMMARY, id: fundsSummaryId(d.year, 'source', d.source) },
      { collection: FUNDS_SUMMARY, id: fundsSummaryId(d.year, 'purpose', d.purpose) },
    ];
  },
  reads(event): DocumentRef[] {
    if (event.type === 'MemberCountRecorded') {
      return [{ collection: FUNDS_ORGANIZATIONS, id: organizationIdOf(event) }];
    }
    if (event.type === 'AllocationOpened') {
      const d = event.data as AllocationRef;
      return [{ collection: FUNDS_ORGANIZATIONS, id: d.recipientOrganizationId }];
    }
    return [];
  },
  apply: skippingApplied((current, event, ref, context) => {
    if (ref.collection === FUNDS_ORGANIZATIONS) {
      const d = event.data as { sector: string; township: string };
      return {
        _id: ref.id,
        _pos: event.position,
        sector: d.sector,
        township: d.township,
        registeredOn: businessDateOf(event),
      };
    }
    const [year, group, ...rest] = ref.id.split(':');
    const row = current ?? emptyRow(ref.id, Number(year), group as FundsGroup, rest.join(':'));
    const next = { ...row, _pos: event.position };
    if (group === 'recipient') Object.assign(next, recipientFacts(row, event, context));
    return event.type === 'MemberCountRecorded'
      ? next
      : withAmounts(next, event, group === 'recipient');
  }),
};

const organizationIdOf = (event: RecordedEvent) =>
  (event.data as { organizationId: string }).organizationId;

function emptyRow(id: string, year: number, group: FundsGroup, key: string): ReadDocument {
  return {
    _id: id,
    _pos: '',
    year,
    groupBy: group,
    key,
    funded: false,
    allocatedFen: 0,
    disbursedFen: 0,
    spentFen: 0,
    ...(group === 'recipient' && { allocatedByPurposeFen: {} }),
  };
}

/** Sector and township (copied when first known) and the member count of the year. */
function recipientFacts(row: ReadDocument, event: RecordedEvent, context: ProjectionContext) {
  const facts: Record<string, unknown> = {};
  if (row.sector === undefined) {
    const organization = context.get({ collection: FUNDS_ORGANIZATIONS, id: row.key as string });
    if (organization) {
      facts.sector = organization.sector;
      facts.township = organization.township;
    }
  }
  if (event.type === 'MemberCountRecorded') {
    facts.memberCount = (event.data as { count: number }).count;
  }
  return facts;
}

function withAmounts(row: ReadDocument, event: RecordedEvent, byPurpose: boolean): ReadDocument {
  const d = event.data as AllocationRef & Record<string, number>;
  const delta = { allocatedFen: 0, disbursedFen: 0, spentFen: 0 };
  switch (event.type) {
    case 'AllocationOpened':
      delta.allocatedFen = d.amountFen;
      break;
    case 'AllocationReduced':
      delta.allocatedFen = -d.amountFen;
      break;
    case 'AllocationCancelled':
      delta.allocatedFen = -d.releasedFen;
      break;
    case 'DisbursementRecorded':
      delta.disbursedFen = d.amountFen;
      break;
    case 'ExpenditureRecorded':
      delta.spentFen = d.amountFen;
      break;
  }
  const next: ReadDocument = {
    ...row,
    funded: true,
    allocatedFen: (row.allocatedFen as number) + delta.allocatedFen,
    disbursedFen: (row.disbursedFen as number) + delta.disbursedFen,
    spentFen: (row.spentFen as number) + delta.spentFen,
  };
  if (byPurpose && delta.allocatedFen !== 0) {
    const purposes = row.allocatedByPurposeFen as Record<string, number>;
    next.allocatedByPurposeFen = {
      ...purposes,
      [d.purpose]: (purposes[d.purpose] ?? 0) + delta.allocatedFen,
    };
  }
  return next;
}
