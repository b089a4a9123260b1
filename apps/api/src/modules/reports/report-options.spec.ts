import { DEFAULT_REPORT_OPTIONS } from '@gongjian/projections';
import { reportCacheMsFrom, reportOptionsFrom } from './report-options';

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

describe('reportCacheMsFrom', () => {
  it('defaults to one second, takes 0 to switch the cache off, refuses anything else', () => {
    expect(reportCacheMsFrom({})).toBe(1000);
    expect(reportCacheMsFrom({ REPORT_CACHE_MS: '0' })).toBe(0);
    expect(() => reportCacheMsFrom({ REPORT_CACHE_MS: '-1' })).toThrow(/REPORT_CACHE_MS/);
  });
});
