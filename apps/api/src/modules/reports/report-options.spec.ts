import { DEFAULT_REPORT_OPTIONS } from '@gongjian/projections';
import { reportOptionsFrom } from './report-options';

describe('reportOptionsFrom', () => {
  it('defaults the 空壳村 threshold to 5万元 and takes a county value in fen', () => {
    expect(reportOptionsFrom({}).hollowEconomyThresholdFen).toBe(5_000_000);
    expect(reportOptionsFrom({ HOLLOW_ECONOMY_THRESHOLD_FEN: '10000000' })).toEqual({
      ...DEFAULT_REPORT_OPTIONS,
      hollowEconomyThresholdFen: 10_000_000,
    });
  });

  it.each(['0', '-5', '5万', '1.5'])('refuses %s with the variable named', (raw) => {
    expect(() => reportOptionsFrom({ HOLLOW_ECONOMY_THRESHOLD_FEN: raw })).toThrow(
      /HOLLOW_ECONOMY_THRESHOLD_FEN/,
    );
  });
});
