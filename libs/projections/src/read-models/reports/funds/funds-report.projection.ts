import type {
  AllocationEvent,
  MemberCountRecordedData,
  OrganizationRegisteredData,
} from '@gongjian/domain';
import type { ReadDocument } from '@gongjian/read-store';
import type { ReadModelProjection } from '../../../projection.definition';
import { alreadyApplied, businessDateOf, dataOf } from '../report-event';

export const FUNDS_REPORT_PROJECTION = 'report_funds';
export const FUNDS_REPORT_COLLECTION = 'report_fund_recipients';

export interface FundFigures {
  allocatedFen: number;
  disbursedFen: number;
  spentFen: number;
}

/**
 * What an organization received, by the budget's year (an allocation and everything paid and
 * spent on it count in that year), source and purpose: its size does not grow with the number
 * of allocations.
 */
export type FundsByYear = Record<string, Record<string, Record<string, FundFigures>>>;

/** One organization that can receive funds, with its funds and yearly member counts. */
export interface RecipientReportDocument extends ReadDocument {
  township: string;
  sector: string;
  /** When the organization was registered (its registration carries no date of its own). */
  registeredOn: string;
  memberCounts: Record<string, number>;
  funds: FundsByYear;
}

const ALLOCATION_TYPES = new Set([
  'AllocationOpened',
  'DisbursementRecorded',
  'ExpenditureRecorded',
  'AllocationReduced',
  'AllocationCancelled',
]);

export const fundsReportProjection: ReadModelProjection = {
  name: FUNDS_REPORT_PROJECTION,
  version: 2,
  collections: { [FUNDS_REPORT_COLLECTION]: [{ fields: [['township', 1]] }] },
  touches(event) {
    const id =
      event.type === 'OrganizationRegistered' || event.type === 'MemberCountRecorded'
        ? event.data.organizationId
        : ALLOCATION_TYPES.has(event.type)
          ? event.data.recipientOrganizationId
          : undefined;
    return id === undefined ? [] : [{ collection: FUNDS_REPORT_COLLECTION, id: String(id) }];
  },
  apply(current, event) {
    if (alreadyApplied(current, event)) return current as ReadDocument;
    if (event.type === 'OrganizationRegistered') {
      const d = dataOf<OrganizationRegisteredData>(event);
      const doc: RecipientReportDocument = {
        _id: d.organizationId,
        _pos: event.position,
        township: d.township,
        sector: d.sector,
        registeredOn: businessDateOf(event),
        memberCounts: {},
        funds: {},
      };
      return doc;
    }
    if (!current) return null;
    const doc = current as RecipientReportDocument;
    if (event.type === 'MemberCountRecorded') {
      const d = dataOf<MemberCountRecordedData>(event);
      return {
        ...doc,
        _pos: event.position,
        memberCounts: { ...doc.memberCounts, [d.year]: d.count },
      };
    }
    const change = changeOf({ type: event.type, data: event.data } as AllocationEvent);
    return { ...doc, _pos: event.position, funds: withChange(doc.funds, change) };
  },
};

interface FundsChange extends FundFigures {
  year: number;
  source: string;
  purpose: string;
}

/** Every allocation event carries what it adds or takes away, and where it counts. */
function changeOf(e: AllocationEvent): FundsChange {
  const { year, source, purpose } = e.data;
  const change = { year, source, purpose, allocatedFen: 0, disbursedFen: 0, spentFen: 0 };
  switch (e.type) {
    case 'AllocationOpened':
      return { ...change, allocatedFen: e.data.amountFen };
    case 'DisbursementRecorded':
      return { ...change, disbursedFen: e.data.amountFen };
    case 'ExpenditureRecorded':
      return { ...change, spentFen: e.data.amountFen };
    case 'AllocationReduced':
      return { ...change, allocatedFen: -e.data.amountFen };
    case 'AllocationCancelled':
      return { ...change, allocatedFen: -e.data.releasedFen };
  }
}

function withChange(funds: FundsByYear, change: FundsChange): FundsByYear {
  const year = String(change.year);
  const bySource = funds[year] ?? {};
  const byPurpose = bySource[change.source] ?? {};
  const figures = byPurpose[change.purpose] ?? { allocatedFen: 0, disbursedFen: 0, spentFen: 0 };
  return {
    ...funds,
    [year]: {
      ...bySource,
      [change.source]: {
        ...byPurpose,
        [change.purpose]: {
          allocatedFen: figures.allocatedFen + change.allocatedFen,
          disbursedFen: figures.disbursedFen + change.disbursedFen,
          spentFen: figures.spentFen + change.spentFen,
        },
      },
    },
  };
}
