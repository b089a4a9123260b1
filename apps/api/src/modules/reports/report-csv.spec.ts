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

  it('prints each section after the totals, following an empty line: title, header, rows and totals', () => {
    const csv = renderReportCsv({
      ...table,
      sections: [
        {
          key: 'standards',
          title: '经费保障标准达标情况',
          columns: [
            { key: 'label', label: '保障标准' },
            { key: 'assessed', label: '评估对象数' },
            { key: 'met', label: '达标数' },
          ],
          rows: [
            {
              key: 'operating_funds_min',
              label: '村级组织运转经费不低于标准',
              assessed: 2,
              met: 1,
            },
          ],
          totals: { label: '合计', assessed: 2, met: 1 },
        },
        {
          key: 'basis',
          title: '统计口径',
          columns: [
            { key: 'label', label: '项目' },
            { key: 'value', label: '数值' },
          ],
          rows: [{ label: '认定线, 含本数', value: 5_000_000 }],
        },
      ],
    });
    expect(csv.slice(1).split('\r\n').slice(3)).toEqual([
      '合计,,12.8',
      '',
      '经费保障标准达标情况',
      '保障标准,评估对象数,达标数',
      '村级组织运转经费不低于标准,2,1',
      '合计,2,1',
      '',
      '统计口径',
      '项目,数值',
      '"认定线, 含本数",5000000',
      '',
    ]);
    expect(csv).not.toContain('operating_funds_min');
  });
});
