import { PROJECT_CATEGORIES } from '@gongjian/domain';
import type { ReadDocument } from '@gongjian/read-store';
import { ReportDefinition, townshipFilter } from '../report-definition';
import { labelOf, PROJECT_CATEGORY_LABELS } from '../report-labels';
import { fenToWanYuan, ReportRow, sumColumns } from '../report-table';
import {
  PROJECTS_REPORT_COLLECTION,
  PROJECTS_REPORT_PROJECTION,
  ProjectReportDocument,
} from './projects-report.projection';

const COUNTS = [
  'launched',
  'plannedFen',
  'investedFen',
  'securedFen',
  'arrivedFen',
  'completed',
  'inProgress',
] as const;

const withWanYuan = (row: ReportRow): ReportRow => ({
  ...row,
  plannedWanYuan: fenToWanYuan(Number(row.plannedFen)),
  investedWanYuan: fenToWanYuan(Number(row.investedFen)),
});

/**
 * 共建项目情况: by category. Launched and planned count the projects started in the year;
 * invested sums the investments dated in the year, whenever their project started; secured
 * (争取) and arrived (到位) the funding recorded with dates in the year.
 */
export const projectsReport: ReportDefinition = {
  name: 'projects',
  title: '结对共建项目情况统计表',
  projection: PROJECTS_REPORT_PROJECTION,
  collection: PROJECTS_REPORT_COLLECTION,
  filterFor: (filter) => ({
    ...townshipFilter(filter),
    startsOn: { $lte: `${filter.year}-12-31` },
  }),
  build(documents: readonly ReadDocument[], filter) {
    const { year } = filter;
    const start = `${year}-01-01`;
    const end = `${year}-12-31`;
    const byCategory = new Map<string, ReportRow>(
      PROJECT_CATEGORIES.map((category) => [
        category,
        { category, categoryLabel: labelOf(PROJECT_CATEGORY_LABELS, category), ...zeros() },
      ]),
    );
    for (const doc of documents as readonly ProjectReportDocument[]) {
      if (doc.startsOn > end) continue;
      let row = byCategory.get(doc.category);
      if (!row) {
        row = {
          category: doc.category,
          categoryLabel: labelOf(PROJECT_CATEGORY_LABELS, doc.category),
          ...zeros(),
        };
        byCategory.set(doc.category, row);
      }
      const add = (key: string, amount: number) => (row[key] = Number(row[key]) + amount);
      if (doc.startsOn >= start) {
        add('launched', 1);
        add('plannedFen', doc.plannedInvestmentFen);
      }
      add('investedFen', doc.investedByYear[String(year)] ?? 0);
      add('securedFen', doc.securedByYear?.[String(year)] ?? 0);
      add('arrivedFen', doc.arrivedByYear?.[String(year)] ?? 0);
      if (doc.completedOn !== null && doc.completedOn >= start && doc.completedOn <= end)
        add('completed', 1);
      if (doc.completedOn === null || doc.completedOn > end) add('inProgress', 1);
    }
    const rows = [...byCategory.values()].map(withWanYuan);
    return {
      report: 'projects',
      year,
      title: this.title,
      ...(filter.township === undefined ? {} : { township: filter.township }),
      columns: [
        { key: 'categoryLabel', label: '项目类别' },
        { key: 'launched', label: '当年新建项目数' },
        { key: 'plannedFen', label: '计划投资(分)' },
        { key: 'plannedWanYuan', label: '计划投资(万元)' },
        { key: 'investedFen', label: '当年完成投资(分)' },
        { key: 'investedWanYuan', label: '当年完成投资(万元)' },
        { key: 'securedFen', label: '当年争取资金(分)' },
        { key: 'arrivedFen', label: '当年到位资金(分)' },
        { key: 'completed', label: '当年完工' },
        { key: 'inProgress', label: '年末在建' },
      ],
      rows,
      totals: withWanYuan({ categoryLabel: '合计', ...sumColumns(rows, COUNTS) }),
    };
  },
};

function zeros(): ReportRow {
  return Object.fromEntries(COUNTS.map((key) => [key, 0]));
}
