import { isHollowByIncome, type Sector } from '@gongjian/domain';
import type { ReadDocument } from '@gongjian/read-store';
import { ReportDefinition, townshipFilter } from '../report-definition';
import { overlapsYear } from '../report-event';
import { labelOf, VILLAGE_CATEGORY_LABELS } from '../report-labels';
import { compareText, figuresSection, ReportRow, ReportSection } from '../report-table';
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
  { key: 'withWorkTeam', label: '选派驻村工作队' },
  { key: 'hollowByIncome', label: '其中按集体经济收入认定为空壳村' },
];

const HOLLOW = 'hollow_economy';

/** The 空壳村 line the table counts by (`hollowEconomyThresholdFen`), printed below it too. */
export const hollowThresholdSection = (thresholdFen: number): ReportSection =>
  figuresSection('basis', '统计口径', [
    {
      key: 'hollowEconomyThresholdFen',
      label: '空壳村认定线：集体经济收入低于(分)',
      value: thresholdFen,
    },
  ]);

export function pairedIn(doc: VillageReportDocument, year: number): boolean {
  return Object.values(doc.pairings).some((term) => {
    const end =
      term.unlinkedOn !== null && term.unlinkedOn < term.endsOn ? term.unlinkedOn : term.endsOn;
    return overlapsYear(term.startsOn, end, year);
  });
}

const withFirstSecretaryIn = (doc: VillageReportDocument, year: number): boolean =>
  doc.firstSecretaries.some((s) => overlapsYear(s.startsOn, s.endsOn ?? undefined, year));

const withWorkTeamIn = (doc: VillageReportDocument, year: number): boolean =>
  Object.values(doc.workTeams ?? {}).some((t) =>
    overlapsYear(t.startsOn, t.endsOn ?? undefined, year),
  );

/** 空壳村 derived: a village whose recorded collective income for the year is below the line. */
export const hollowByIncomeIn = (
  doc: VillageReportDocument,
  year: number,
  thresholdFen: number,
): boolean => isHollowByIncome(doc.sector as Sector, doc.incomeByYear[String(year)], thresholdFen);

/**
 * 村(社区)分类统计: by township × category; a village counts in each of its categories. 空壳村
 * is the category set by hand or derived from the year's collective income below the line
 * (HOLLOW_ECONOMY_THRESHOLD_FEN); `hollowByIncome` counts the villages in it by that income.
 */
export const villagesReport: ReportDefinition = {
  name: 'villages',
  title: '村(社区)分类及结对帮扶情况统计表',
  projection: VILLAGES_REPORT_PROJECTION,
  collection: VILLAGES_REPORT_COLLECTION,
  filterFor: townshipFilter,
  build(documents: readonly ReadDocument[], filter, options) {
    const { year } = filter;
    type Cell = {
      villages: Set<string>;
      paired: Set<string>;
      fs: Set<string>;
      teams: Set<string>;
      byIncome: Set<string>;
    };
    const emptyCell = (): Cell => ({
      villages: new Set(),
      paired: new Set(),
      fs: new Set(),
      teams: new Set(),
      byIncome: new Set(),
    });
    const cells = new Map<string, Cell>();
    const all = emptyCell();
    for (const doc of documents as readonly VillageReportDocument[]) {
      if (!existsIn(doc, year)) continue;
      const byIncome = hollowByIncomeIn(doc, year, options.hollowEconomyThresholdFen);
      const set = categoriesAtEndOf(doc, year);
      const categories = byIncome && !set.includes(HOLLOW) ? [...set, HOLLOW] : set;
      const facts: Record<Exclude<keyof Cell, 'villages'>, boolean> = {
        paired: pairedIn(doc, year),
        fs: withFirstSecretaryIn(doc, year),
        teams: withWorkTeamIn(doc, year),
        byIncome,
      };
      for (const category of categories.length ? categories : [UNCATEGORIZED]) {
        const key = `${doc.township}\u0000${category}`;
        let cell = cells.get(key);
        if (!cell) {
          cell = emptyCell();
          cells.set(key, cell);
        }
        cell.villages.add(doc._id);
        for (const fact of ['paired', 'fs', 'teams'] as const) {
          if (facts[fact]) cell[fact].add(doc._id);
        }
        if (category === HOLLOW && byIncome) cell.byIncome.add(doc._id);
      }
      all.villages.add(doc._id);
      for (const fact of ['paired', 'fs', 'teams', 'byIncome'] as const) {
        if (facts[fact]) all[fact].add(doc._id);
      }
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
          withWorkTeam: cell.teams.size,
          hollowByIncome: category === HOLLOW ? cell.byIncome.size : null,
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
        withWorkTeam: all.teams.size,
        hollowByIncome: all.byIncome.size,
      },
      hollowEconomyThresholdFen: options.hollowEconomyThresholdFen,
      sections: [hollowThresholdSection(options.hollowEconomyThresholdFen)],
    };
  },
};
