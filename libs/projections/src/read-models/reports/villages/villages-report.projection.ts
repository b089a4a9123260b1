import type {
  CollectiveIncomeRecordedData,
  FirstSecretaryAssignedData,
  FirstSecretaryEndedData,
  OrganizationDeactivatedData,
  OrganizationRegisteredData,
  PairingLinkedData,
  PairingLinkRenewedData,
  VillageCategoriesSetData,
} from '@gongjian/domain';
import { isRuralSector } from '@gongjian/domain';
import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';
import type { ReadModelProjection } from '../../../projection.definition';
import { alreadyApplied, businessDateOf, dataOf } from '../report-event';

export const VILLAGES_REPORT_PROJECTION = 'report_villages';
export const VILLAGES_REPORT_COLLECTION = 'report_villages';

/**
 * One village or community with what the yearly tables need, each fact dated, so a table for a
 * past year reads the village as it stood then whatever was recorded later.
 */
export interface VillageReportDocument extends ReadDocument {
  township: string;
  sector: string;
  registeredOn: string;
  deactivatedOn: string | null;
  /** Category sets in business-date order; the last one dated within a year is that year's. */
  categories: { on: string; categories: string[] }[];
  pairings: Record<string, { startsOn: string; endsOn: string; unlinkedOn: string | null }>;
  firstSecretaries: { startsOn: string; endsOn: string | null }[];
  /** 驻村工作队 by team id (absent in documents written before they were kept). */
  workTeams?: Record<string, { startsOn: string; endsOn: string | null }>;
  /** Collective income (村集体经济收入) by year, in fen; a correction replaces the year's figure. */
  incomeByYear: Record<string, number>;
}

const TYPES = new Set([
  'OrganizationRegistered',
  'VillageCategoriesSet',
  'CollectiveIncomeRecorded',
  'FirstSecretaryAssigned',
  'FirstSecretaryEnded',
  'ResidentWorkTeamAssigned',
  'ResidentWorkTeamEnded',
  'OrganizationDeactivated',
  'PairingLinked',
  'PairingLinkRenewed',
  'PairingUnlinked',
]);

export const villagesReportProjection: ReadModelProjection = {
  name: VILLAGES_REPORT_PROJECTION,
  version: 1,
  collections: { [VILLAGES_REPORT_COLLECTION]: [{ fields: [['township', 1]] }] },
  touches(event) {
    if (!TYPES.has(event.type)) return [];
    if (event.type === 'OrganizationRegistered') {
      const sector = dataOf<OrganizationRegisteredData>(event).sector;
      if (!isRuralSector(sector)) return [];
    }
    return [{ collection: VILLAGES_REPORT_COLLECTION, id: String(event.data.organizationId) }];
  },
  apply(current, event) {
    if (alreadyApplied(current, event)) return current as ReadDocument;
    if (event.type === 'OrganizationRegistered') return registered(event);
    // Events of organizations that are not villages or communities have no document here.
    if (!current) return null;
    return { ...next(current as VillageReportDocument, event), _pos: event.position };
  },
};

function registered(event: RecordedEvent): VillageReportDocument {
  const d = dataOf<OrganizationRegisteredData>(event);
  return {
    _id: d.organizationId,
    _pos: event.position,
    township: d.township,
    sector: d.sector,
    registeredOn: businessDateOf(event),
    deactivatedOn: null,
    categories: [],
    pairings: {},
    firstSecretaries: [],
    workTeams: {},
    incomeByYear: {},
  };
}

function next(doc: VillageReportDocument, event: RecordedEvent): VillageReportDocument {
  switch (event.type) {
    case 'VillageCategoriesSet': {
      const entry = {
        on: businessDateOf(event),
        categories: dataOf<VillageCategoriesSetData>(event).categories,
      };
      // Kept in business-date order; a late entry goes before later-dated ones.
      const at = doc.categories.findIndex((c) => c.on > entry.on);
      const categories = [...doc.categories];
      categories.splice(at === -1 ? categories.length : at, 0, entry);
      return { ...doc, categories };
    }
    case 'CollectiveIncomeRecorded': {
      const d = dataOf<CollectiveIncomeRecordedData>(event);
      return { ...doc, incomeByYear: { ...doc.incomeByYear, [d.year]: d.amountFen } };
    }
    case 'FirstSecretaryAssigned': {
      const d = dataOf<FirstSecretaryAssignedData>(event);
      const secretary = { startsOn: d.startsOn, endsOn: d.endsOn ?? null };
      return { ...doc, firstSecretaries: [...doc.firstSecretaries, secretary] };
    }
    case 'FirstSecretaryEnded': {
      const d = dataOf<FirstSecretaryEndedData>(event);
      const firstSecretaries = doc.firstSecretaries.map((s) =>
        s.startsOn === d.startsOn && (s.endsOn === null || s.endsOn > d.endedOn)
          ? { ...s, endsOn: d.endedOn }
          : s,
      );
      return { ...doc, firstSecretaries };
    }
    case 'ResidentWorkTeamAssigned': {
      const d = event.data as { teamId: string; startsOn: string; endsOn?: string };
      const team = { startsOn: d.startsOn, endsOn: d.endsOn ?? null };
      return { ...doc, workTeams: { ...doc.workTeams, [d.teamId]: team } };
    }
    case 'ResidentWorkTeamEnded': {
      const d = event.data as { teamId: string; on: string };
      const team = doc.workTeams?.[d.teamId];
      if (!team) return doc;
      return { ...doc, workTeams: { ...doc.workTeams, [d.teamId]: { ...team, endsOn: d.on } } };
    }
    case 'OrganizationDeactivated':
      return { ...doc, deactivatedOn: dataOf<OrganizationDeactivatedData>(event).on };
    case 'PairingLinked': {
      const d = dataOf<PairingLinkedData>(event);
      const term = { startsOn: d.startsOn, endsOn: d.endsOn, unlinkedOn: null };
      return { ...doc, pairings: { ...doc.pairings, [d.pairingId]: term } };
    }
    case 'PairingLinkRenewed': {
      const d = dataOf<PairingLinkRenewedData>(event);
      const term = doc.pairings[d.pairingId];
      if (!term) return doc;
      return {
        ...doc,
        pairings: { ...doc.pairings, [d.pairingId]: { ...term, endsOn: d.endsOn } },
      };
    }
    case 'PairingUnlinked': {
      const pairingId = String(event.data.pairingId);
      const term = doc.pairings[pairingId];
      if (!term) return doc;
      const unlinked = { ...term, unlinkedOn: businessDateOf(event) };
      return { ...doc, pairings: { ...doc.pairings, [pairingId]: unlinked } };
    }
    default:
      return doc;
  }
}

/** The village's categories as they stood at the end of `year` (none recorded yet: []). */
export function categoriesAtEndOf(doc: VillageReportDocument, year: number): string[] {
  const end = `${year}-12-31`;
  let categories: string[] = [];
  for (const entry of doc.categories) if (entry.on <= end) categories = entry.categories;
  return categories;
}

/**
 * Whether the village counts in `year`: registered by its end, or known through a fact dated in
 * it or before (registration carries no business date, so a village registered later with a
 * pairing or an income figure for the year counts in it), and not deactivated before it began.
 */
export function existsIn(doc: VillageReportDocument, year: number): boolean {
  const end = `${year}-12-31`;
  if (doc.deactivatedOn !== null && doc.deactivatedOn < `${year}-01-01`) return false;
  return (
    doc.registeredOn <= end ||
    Object.keys(doc.incomeByYear).some((y) => Number(y) <= year) ||
    Object.values(doc.pairings).some((term) => term.startsOn <= end) ||
    doc.firstSecretaries.some((s) => s.startsOn <= end)
  );
}
