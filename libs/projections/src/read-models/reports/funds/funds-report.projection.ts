import type {
  AllocationEvent,
  MemberCountRecordedData,
  OrganizationRegisteredData,
} from '@gongjian/domain';
import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';
import type { ReadModelProjection } from '../../../projection.definition';
import { alreadyApplied, businessDateOf, dataOf } from '../report-event';

export const FUNDS_REPORT_PROJECTION = 'report_funds';
export const FUNDS_REPORT_COLLECTION = 'report_fund_recipients';

export interface AllocationFigures {
  /** The budget's year: an allocation and everything paid and spent on it count in that year. */
  year: number;
  source: string;
  purpose: string;
  allocatedFen: number;
  disbursedFen: number;
  spentFen: number;
}

/** One organization that can receive funds, with its allocations and yearly member counts. */
export interface RecipientReportDocument extends ReadDocument {
  township: string;
  sector: string;
  /** When the organization was registered (its registration carries no date of its own). */
  registeredOn: string;
  memberCounts: Record<string, number>;
  allocations: Record<string, AllocationFigures>;
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
  version: 1,
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
        allocations: {},
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
    const allocationId = String(event.data.allocationId);
    const figures = nextFigures(doc.allocations[allocationId], event);
    if (!figures) return { ...doc, _pos: event.position };
    return {
      ...doc,
      _pos: event.position,
      allocations: { ...doc.allocations, [allocationId]: figures },
    };
  },
};

function nextFigures(
  current: AllocationFigures | undefined,
  event: RecordedEvent,
): AllocationFigures | undefined {
  const e = { type: event.type, data: event.data } as AllocationEvent;
  if (e.type === 'AllocationOpened') {
    const { year, source, purpose, amountFen } = e.data;
    return { year, source, purpose, allocatedFen: amountFen, disbursedFen: 0, spentFen: 0 };
  }
  if (!current) return undefined;
  switch (e.type) {
    case 'DisbursementRecorded':
      return { ...current, disbursedFen: e.data.disbursedFen };
    case 'ExpenditureRecorded':
      return { ...current, spentFen: e.data.spentFen };
    case 'AllocationReduced':
      return { ...current, allocatedFen: e.data.allocatedFen };
    case 'AllocationCancelled':
      return { ...current, allocatedFen: current.allocatedFen - e.data.releasedFen };
  }
}
