import type { ReadDocument } from '@gongjian/read-store';
import { ReportDefinition, townshipFilter } from '../report-definition';
import { overlapsYear } from '../report-event';
import { labelOf, VILLAGE_CATEGORY_LABELS } from '../report-labels';
import { compareText, ReportRow } from '../report-table';
import {
  categoriesAtEndOf,
  existsIn,
  VILLAGES_REPORT_COLLECTION,
  VILLAGES_REPORT_PROJECTION,
  VillageReportDocument,
} from './villages-report.projection';

/** The row of villages with no category at the end of the year. */
const UNCATEGORIZED = 'none';

const COLUMNS = [
  { key: 'township', label: '乡镇' },
  { key: 'categoryLabel', label: '村(社区)类别' },
  { key: 'villages', label: '村(社区)数' },
  { key: 'paired', label: '已结对' },
  { key: 'withFirstSecretary', label: '选派第一书记' },
];

export function pairedIn(doc: VillageReportDocument, year: number): boolean {
  return Object.values(doc.pairings).some((term) => {
    const end =
      term.unlinkedOn !== null && term.unlinkedOn < term.endsOn ? term.unlinkedOn : term.endsOn;
    return overlapsYear(term.startsOn, end, year);
  });
}

const withFirstSecretaryIn = (doc: VillageReportDocument, year: number): boolean =>
  doc.firstSecretaries.some((s) => overlapsYear(s.startsOn, s.endsOn ?? undefined, year));

/** 村(社区)分类统计: by township × category; a village counts in each of its categories. */
export const villagesReport: ReportDefinition = {
  name: 'villages',
  title: '村(社区)分类及结对帮扶情况统计表',
  projection: VILLAGES_REPORT_PROJECTION,
  collection: VILLAGES_REPORT_COLLECTION,
  filterFor: townshipFilter,
  build(documents: readonly ReadDocument[], filter) {
    const { year } = filter;
    const cells = new Map<
      string,
      { villages: Set<string>; paired: Set<string>; fs: Set<string> }
    >();
    const all = { villages: new Set<string>(), paired: new Set<string>(), fs: new Set<string>() };
    for (const doc of documents as readonly VillageReportDocument[]) {
      if (!existsIn(doc, year)) continue;
      const categories = categoriesAtEndOf(doc, year);
      const paired = pairedIn(doc, year);
      const fs = withFirstSecretaryIn(doc, year);
      for (const category of categories.length ? categories : [UNCATEGORIZED]) {
        const key = `${doc.township}\u0000${category}`;
        let cell = cells.get(key);
        if (!cell) {
          cell = { villages: new Set(), paired: new Set(), fs: new Set() };
          cells.set(key, cell);
        }
        for (const [set, yes] of [
          [cell.villages, true],
          [cell.paired, paired],
          [cell.fs, fs],
        ] as const) {
          if (yes) set.add(doc._id);
        }
      }
      all.villages.add(doc._id);
      if (paired) all.paired.add(doc._id);
      if (fs) all.fs.add(doc._id);
    }
    const rows: ReportRow[] = [...cells.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([key, cell]) => {
        const [township, category] = key.split('\u0000');
        return {
          township,
          category,
          categoryLabel:
            category === UNCATEGORIZED ? '未分类' : labelOf(VILLAGE_CATEGORY_LABELS, category),
          villages: cell.villages.size,
          paired: cell.paired.size,
          withFirstSecretary: cell.fs.size,
        };
      });
    return {
      report: 'villages',
      year,
      title: this.title,
      ...(filter.township === undefined ? {} : { township: filter.township }),
      columns: COLUMNS,
      rows,
      // Distinct villages: one with two categories is in two rows but counts once here.
      totals: {
        township: '合计',
        villages: all.villages.size,
        paired: all.paired.size,
        withFirstSecretary: all.fs.size,
      },
    };
  },
};
