import { loadConfig } from '@gongjian/config';
import { DEFAULT_REPORT_OPTIONS } from '@gongjian/projections';
import { reportCacheMsFrom, reportOptionsFrom } from './report-options';

describe('reportOptionsFrom', () => {
  it('seed 003: the 空壳村 line defaults to 5万元 and follows HOLLOW_ECONOMY_THRESHOLD_FEN', () => {
    expect(reportOptionsFrom(loadConfig({}))).toEqual(DEFAULT_REPORT_OPTIONS);
    expect(
      reportOptionsFrom(loadConfig({ HOLLOW_ECONOMY_THRESHOLD_FEN: '10000000' }))
        .hollowEconomyThresholdFen,
    ).toBe(10_000_000);
  });

  it('assesses the funding standards a county sets in FUNDING_STANDARDS, as the funds summary does', () => {
    const options = reportOptionsFrom(
      loadConfig({ FUNDING_STANDARDS: '{"operatingFundsMinFen":{"village":3000000}}' }),
    );
    expect(options.fundingStandards.operatingFundsMinFen).toMatchObject({ village: 3_000_000 });
    expect(options.fundingStandards.serviceCenterMinFen).toEqual(
      DEFAULT_REPORT_OPTIONS.fundingStandards.serviceCenterMinFen,
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
