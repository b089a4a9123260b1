import {
  assessStandardsForYear,
  FUND_PURPOSES,
  FUND_SOURCES,
  FundPurpose,
  StandardKey,
} from '@gongjian/domain';
import type { ReadDocument } from '@gongjian/read-store';
import { ReportDefinition, townshipFilter } from '../report-definition';
import {
  FUND_PURPOSE_LABELS,
  FUND_SOURCE_LABELS,
  labelOf,
  STANDARD_LABELS,
} from '../report-labels';
import { fenToWanYuan, ReportRow, sumColumns } from '../report-table';
import {
  FUNDS_REPORT_COLLECTION,
  FUNDS_REPORT_PROJECTION,
  RecipientReportDocument,
} from './funds-report.projection';
import { standardApplied } from './standard-applied';

const AMOUNTS = ['allocatedFen', 'disbursedFen', 'spentFen'] as const;

const COLUMNS = [
  { key: 'sourceLabel', label: '资金来源' },
  { key: 'purposeLabel', label: '资金用途' },
  { key: 'allocatedFen', label: '下达金额(分)' },
  { key: 'allocatedWanYuan', label: '下达金额(万元)' },
  { key: 'disbursedFen', label: '拨付金额(分)' },
  { key: 'disbursedWanYuan', label: '拨付金额(万元)' },
  { key: 'spentFen', label: '支出金额(分)' },
  { key: 'spentWanYuan', label: '支出金额(万元)' },
];

/** The standards are assessed per recipient, so they are a section of their own. */
const STANDARD_COLUMNS = [
  { key: 'label', label: '保障标准' },
  { key: 'assessed', label: '评估对象数' },
  { key: 'met', label: '达标数' },
  { key: 'applied', label: '适用标准' },
];

const inWanYuan = (row: ReportRow): ReportRow => ({
  ...row,
  allocatedWanYuan: fenToWanYuan(Number(row.allocatedFen)),
  disbursedWanYuan: fenToWanYuan(Number(row.disbursedFen)),
  spentWanYuan: fenToWanYuan(Number(row.spentFen)),
});

const order = (list: readonly string[], code: string) => {
  const i = list.indexOf(code);
  return i === -1 ? list.length : i;
};

/** 经费保障情况: by source × purpose, amounts in fen and 万元; local standards met/assessed. */
export const fundsReport: ReportDefinition = {
  name: 'funds',
  title: '基层党建经费保障情况统计表',
  projection: FUNDS_REPORT_PROJECTION,
  collection: FUNDS_REPORT_COLLECTION,
  filterFor: townshipFilter,
  build(documents: readonly ReadDocument[], filter, options) {
    const { year } = filter;
    const cells = new Map<string, ReportRow>();
    const standards = new Map<string, { assessed: number; met: number }>();
    for (const doc of documents as readonly RecipientReportDocument[]) {
      const byPurpose: Partial<Record<FundPurpose, number>> = {};
      for (const [source, byPurposeOfSource] of Object.entries(doc.funds[String(year)] ?? {})) {
        for (const [purpose, figures] of Object.entries(byPurposeOfSource)) {
          const key = `${source}\u0000${purpose}`;
          let cell = cells.get(key);
          if (!cell) {
            cell = { source, purpose, allocatedFen: 0, disbursedFen: 0, spentFen: 0 };
            cells.set(key, cell);
          }
          for (const amount of AMOUNTS) cell[amount] = Number(cell[amount]) + figures[amount];
          const fundPurpose = purpose as FundPurpose;
          byPurpose[fundPurpose] = (byPurpose[fundPurpose] ?? 0) + figures.allocatedFen;
        }
      }
      const assessments = assessStandardsForYear(options.fundingStandards, year, {
        registeredOn: doc.registeredOn,
        funded: Object.keys(byPurpose).length > 0,
        recipientSector: doc.sector,
        memberCount: doc.memberCounts[String(year)],
        totalsByPurposeFen: byPurpose,
      });
      for (const assessment of assessments) {
        const tally = standards.get(assessment.key) ?? { assessed: 0, met: 0 };
        tally.assessed++;
        if (assessment.met) tally.met++;
        standards.set(assessment.key, tally);
      }
    }
    const rows = [...cells.values()]
      .sort(
        (a, b) =>
          order(FUND_SOURCES, String(a.source)) - order(FUND_SOURCES, String(b.source)) ||
          order(FUND_PURPOSES, String(a.purpose)) - order(FUND_PURPOSES, String(b.purpose)),
      )
      .map((row) =>
        inWanYuan({
          ...row,
          sourceLabel: labelOf(FUND_SOURCE_LABELS, String(row.source)),
          purposeLabel: labelOf(FUND_PURPOSE_LABELS, String(row.purpose)),
        }),
      );
    const standardRows = [...standards.entries()].map(([key, tally]) => ({
      key,
      label: labelOf(STANDARD_LABELS, key),
      ...tally,
      applied: standardApplied(options.fundingStandards, key as StandardKey),
    }));
    const standardsAssessed = standardRows.reduce((n, s) => n + s.assessed, 0);
    const standardsMet = standardRows.reduce((n, s) => n + s.met, 0);
    return {
      report: 'funds',
      year,
      title: this.title,
      ...(filter.township === undefined ? {} : { township: filter.township }),
      columns: COLUMNS,
      rows,
      totals: inWanYuan({
        sourceLabel: '合计',
        ...sumColumns(rows, AMOUNTS),
        standardsAssessed,
        standardsMet,
      }),
      /** Recipients assessed against each local standard for the year, and how many met it. */
      standards: standardRows,
      sections: [
        {
          key: 'standards',
          title: '经费保障标准达标情况',
          columns: STANDARD_COLUMNS,
          rows: standardRows.map((standard) => ({ ...standard })),
          totals: { label: '合计', assessed: standardsAssessed, met: standardsMet },
        },
      ],
    };
  },
};
