import type { ReadDocument } from '@gongjian/read-store';
import { ReportDefinition, townshipFilter } from '../report-definition';
import { compareText, percent, ReportRow, sumColumns } from '../report-table';
import {
  RATINGS_REPORT_COLLECTION,
  RATINGS_REPORT_PROJECTION,
  RatingsReportDocument,
} from './ratings-report.projection';

const STAR_KEYS = ['stars1', 'stars2', 'stars3', 'stars4', 'stars5'] as const;
const COUNTS = ['branches', 'rated', ...STAR_KEYS, 'revoked', 'provisional'] as const;

const COLUMNS = [
  { key: 'township', label: '乡镇' },
  { key: 'branches', label: '村(社区)党组织数' },
  { key: 'rated', label: '参评' },
  { key: 'stars5', label: '五星' },
  { key: 'stars4', label: '四星' },
  { key: 'stars3', label: '三星' },
  { key: 'stars2', label: '二星' },
  { key: 'stars1', label: '一星' },
  { key: 'revoked', label: '摘星' },
  { key: 'provisional', label: '公示中' },
  { key: 'fiveStarSharePercent', label: '五星占比(%)' },
];

const withShare = (row: ReportRow): ReportRow => ({
  ...row,
  fiveStarSharePercent: percent(Number(row.stars5), Number(row.rated)),
});

/**
 * 星级评定情况: by township × stars for the period `year`; branches are the village and community
 * branches registered by the period's end, and any rated in it. A rating counts as it stands now:
 * provisional during its public notice (counted in 公示中 too), final, or revoked (摘星).
 */
export const ratingsReport: ReportDefinition = {
  name: 'ratings',
  title: '基层党组织星级评定情况统计表',
  projection: RATINGS_REPORT_PROJECTION,
  collection: RATINGS_REPORT_COLLECTION,
  filterFor: townshipFilter,
  build(documents: readonly ReadDocument[], filter) {
    const period = String(filter.year);
    const byTownship = new Map<string, ReportRow>();
    for (const doc of documents as readonly RatingsReportDocument[]) {
      const rating = doc.ratings[period];
      // A past period stays as it was: branches registered after it count in later ones.
      const existed = doc.registeredOn !== null && doc.registeredOn <= `${period}-12-31`;
      if (!existed && !rating) continue;
      let row = byTownship.get(doc.township);
      if (!row) {
        row = { township: doc.township, ...Object.fromEntries(COUNTS.map((k) => [k, 0])) };
        byTownship.set(doc.township, row);
      }
      const add = (key: string) => (row[key] = Number(row[key]) + 1);
      add('branches');
      if (!rating) continue;
      add('rated');
      if (rating.status === 'provisional') add('provisional');
      if (rating.stars === null) add('revoked');
      else add(`stars${rating.stars}`);
    }
    const rows = [...byTownship.values()]
      .sort((a, b) => compareText(String(a.township), String(b.township)))
      .map(withShare);
    return {
      report: 'ratings',
      year: filter.year,
      title: this.title,
      ...(filter.township === undefined ? {} : { township: filter.township }),
      columns: COLUMNS,
      rows,
      totals: withShare({ township: '合计', ...sumColumns(rows, COUNTS) }),
    };
  },
};
