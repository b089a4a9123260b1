import type { ReadDocument } from '@gongjian/read-store';
import { ReportDefinition, townshipFilter } from '../report-definition';
import { compareText, fenToWanYuan, percent, ReportRow, sumColumns } from '../report-table';
import {
  existsIn,
  VILLAGES_REPORT_COLLECTION,
  VILLAGES_REPORT_PROJECTION,
  VillageReportDocument,
} from './villages-report.projection';
import { hollowThresholdSection } from './villages.report';

/** Upper band edges above the 空壳村 threshold: 10万, 50万, 100万 元. */
const BAND_EDGES_FEN = [10_000_000, 50_000_000, 100_000_000];

const wan = (fen: number) => `${fenToWanYuan(fen)}万元`;

function bandsFor(thresholdFen: number) {
  const edges = [thresholdFen, ...BAND_EDGES_FEN.filter((edge) => edge > thresholdFen)];
  return edges.map((lower, i) => ({
    key: `band${i + 1}`,
    lower,
    upper: edges[i + 1],
    label: edges[i + 1] === undefined ? `${wan(lower)}以上` : `${wan(lower)}至${wan(edges[i + 1])}`,
  }));
}

/** 村集体经济收入情况: villages by income band per township; 空壳村 below the threshold. */
export const collectiveIncomeReport: ReportDefinition = {
  name: 'collective-income',
  title: '村级集体经济收入情况统计表',
  projection: VILLAGES_REPORT_PROJECTION,
  collection: VILLAGES_REPORT_COLLECTION,
  filterFor: (filter) => ({
    ...townshipFilter(filter),
    sector: 'village',
  }),
  build(documents: readonly ReadDocument[], filter, options) {
    const { year } = filter;
    const threshold = options.hollowEconomyThresholdFen;
    const bands = bandsFor(threshold);
    const byTownship = new Map<string, ReportRow>();
    for (const doc of documents as readonly VillageReportDocument[]) {
      if (doc.sector !== 'village' || !existsIn(doc, year)) continue;
      let row = byTownship.get(doc.township);
      if (!row) {
        row = {
          township: doc.township,
          villages: 0,
          reported: 0,
          hollow: 0,
          notReported: 0,
          incomeFen: 0,
        };
        for (const band of bands) row[band.key] = 0;
        byTownship.set(doc.township, row);
      }
      const add = (key: string, amount = 1) => (row[key] = Number(row[key]) + amount);
      add('villages');
      const income = doc.incomeByYear[String(year)];
      if (income === undefined) {
        add('notReported');
        continue;
      }
      add('reported');
      add('incomeFen', income);
      if (income < threshold) add('hollow');
      else
        add(
          bands.find((b) => income >= b.lower && (b.upper === undefined || income < b.upper))!.key,
        );
    }
    const numeric = [
      'villages',
      'reported',
      'hollow',
      ...bands.map((b) => b.key),
      'notReported',
      'incomeFen',
    ];
    const finish = (row: ReportRow): ReportRow => ({
      ...row,
      incomeWanYuan: fenToWanYuan(Number(row.incomeFen)),
      hollowSharePct: percent(Number(row.hollow), Number(row.reported)),
    });
    const rows = [...byTownship.values()]
      .sort((a, b) => compareText(String(a.township), String(b.township)))
      .map(finish);
    return {
      report: 'collective-income',
      year,
      title: this.title,
      ...(filter.township === undefined ? {} : { township: filter.township }),
      hollowEconomyThresholdFen: threshold,
      columns: [
        { key: 'township', label: '乡镇' },
        { key: 'villages', label: '行政村数' },
        { key: 'reported', label: '已填报收入' },
        { key: 'hollow', label: `空壳村(${wan(threshold)}以下)` },
        ...bands.map((b) => ({ key: b.key, label: b.label })),
        { key: 'notReported', label: '未填报' },
        { key: 'incomeWanYuan', label: '集体经济收入合计(万元)' },
        { key: 'hollowSharePct', label: '空壳村占比(%)' },
        // Added after the columns of earlier versions, so that a sheet reading them by place still does.
        { key: 'incomeFen', label: '集体经济收入合计(分)' },
      ],
      rows,
      totals: finish({ township: '合计', ...sumColumns(rows, numeric) }),
      sections: [hollowThresholdSection(threshold)],
    };
  },
};
