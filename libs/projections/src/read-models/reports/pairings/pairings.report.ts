import type { ReadDocument } from '@gongjian/read-store';
import type { ReportDefinition } from '../report-definition';
import { townshipFilter } from '../report-definition';
import { DEPARTMENT_KIND_LABELS, labelOf, SECTOR_LABELS } from '../report-labels';
import { compareText, ReportRow } from '../report-table';
import {
  PAIRINGS_REPORT_COLLECTION,
  PAIRINGS_REPORT_PROJECTION,
  PairingReportDocument,
} from './pairings-report.projection';

const COLUMNS = [
  { key: 'township', label: '乡镇' },
  { key: 'urbanSectorLabel', label: '城市单位类别' },
  { key: 'departmentKindLabel', label: '部门类别' },
  { key: 'pairings', label: '结对数' },
  { key: 'urbanOrganizations', label: '城市党组织数' },
  { key: 'villages', label: '结对村(社区)数' },
  { key: 'principleMatched', label: '符合结对原则' },
  { key: 'overridden', label: '说明理由的例外结对' },
];

/**
 * A pairing counts in every year its term (cut short by a dissolution) touches; one called off
 * before its term began never ran.
 */
export function activeInYear(doc: PairingReportDocument, year: number): boolean {
  const end =
    doc.dissolvedOn !== null && doc.dissolvedOn < doc.endsOn ? doc.dissolvedOn : doc.endsOn;
  return end >= doc.startsOn && doc.startsOn <= `${year}-12-31` && end >= `${year}-01-01`;
}

interface Cell {
  township: string;
  urbanSector: string;
  departmentKind: string | null;
  pairings: number;
  urban: Set<string>;
  rural: Set<string>;
  matched: number;
}

/** 城乡结对共建统计: by township × urban sector × department kind. */
export const pairingsReport: ReportDefinition = {
  name: 'pairings',
  title: '城乡基层党组织结对共建情况统计表',
  projection: PAIRINGS_REPORT_PROJECTION,
  collection: PAIRINGS_REPORT_COLLECTION,
  filterFor: (filter) => ({
    ...townshipFilter(filter),
    startsOn: { $lte: `${filter.year}-12-31` },
    endsOn: { $gte: `${filter.year}-01-01` },
  }),
  build(documents: readonly ReadDocument[], filter) {
    const cells = new Map<string, Cell>();
    const allUrban = new Set<string>();
    const allRural = new Set<string>();
    for (const doc of documents as readonly PairingReportDocument[]) {
      if (!activeInYear(doc, filter.year)) continue;
      const key = [doc.township, doc.urbanSector, doc.departmentKind ?? ''].join('\u0000');
      let cell = cells.get(key);
      if (!cell) {
        cell = {
          township: doc.township,
          urbanSector: doc.urbanSector,
          departmentKind: doc.departmentKind,
          pairings: 0,
          urban: new Set(),
          rural: new Set(),
          matched: 0,
        };
        cells.set(key, cell);
      }
      cell.pairings++;
      cell.urban.add(doc.urbanOrganizationId);
      cell.rural.add(doc.ruralOrganizationId);
      if (doc.principleMatched) cell.matched++;
      allUrban.add(doc.urbanOrganizationId);
      allRural.add(doc.ruralOrganizationId);
    }
    const rows: ReportRow[] = [...cells.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([, c]) => ({
        township: c.township,
        urbanSector: c.urbanSector,
        urbanSectorLabel: labelOf(SECTOR_LABELS, c.urbanSector),
        departmentKind: c.departmentKind,
        departmentKindLabel: c.departmentKind
          ? labelOf(DEPARTMENT_KIND_LABELS, c.departmentKind)
          : '',
        pairings: c.pairings,
        urbanOrganizations: c.urban.size,
        villages: c.rural.size,
        principleMatched: c.matched,
        overridden: c.pairings - c.matched,
      }));
    const pairings = rows.reduce((n, r) => n + Number(r.pairings), 0);
    const matched = rows.reduce((n, r) => n + Number(r.principleMatched), 0);
    return {
      report: 'pairings',
      year: filter.year,
      title: this.title,
      ...(filter.township === undefined ? {} : { township: filter.township }),
      columns: COLUMNS,
      rows,
      // Distinct over the whole table: an organization paired in two cells counts once.
      totals: {
        township: '合计',
        pairings,
        urbanOrganizations: allUrban.size,
        villages: allRural.size,
        principleMatched: matched,
        overridden: pairings - matched,
      },
    };
  },
};
