import type { ReportTable } from '@gongjian/projections';
import { renderReportCsv } from './report-csv';

const table: ReportTable = {
  report: 'funds',
  year: 2025,
  title: '基层党建经费保障情况统计表',
  columns: [
    { key: 'sourceLabel', label: '资金来源' },
    { key: 'note', label: '说明' },
    { key: 'allocatedWanYuan', label: '下达金额(万元)' },
  ],
  rows: [
    {
      sourceLabel: '县财政',
      note: '含"以奖代补", 分两批',
      allocatedWanYuan: 12.5,
      source: 'county_finance',
    },
    { sourceLabel: '党费下拨', note: null, allocatedWanYuan: 0.3 },
  ],
  totals: { sourceLabel: '合计', allocatedWanYuan: 12.8 },
};

describe('renderReportCsv', () => {
  it('starts with a BOM, labels the columns in Chinese, quotes what needs it and ends with the totals', () => {
    const csv = renderReportCsv(table);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '资金来源,说明,下达金额(万元)',
      '县财政,"含""以奖代补"", 分两批",12.5',
      '党费下拨,,0.3',
      '合计,,12.8',
      '',
    ]);
  });

  it('writes only the listed columns, not the codes kept beside the labels', () => {
    expect(renderReportCsv(table)).not.toContain('county_finance');
  });
});
