import type { AppConfig } from '@gongjian/config';
import { DEFAULT_REPORT_OPTIONS, ReportOptions } from '@gongjian/projections';
import { loadFundingStandards } from '../funds/queries/funding-standards.source';

export const REPORT_OPTIONS = Symbol.for('gongjian.ReportOptions');

/**
 * The county's report settings, from the same configuration the rest of the api reads: the
 * 空壳村 line (`HOLLOW_ECONOMY_THRESHOLD_FEN`) and the funding standards (`FUNDING_STANDARDS`),
 * so a report and the funds summary assess the same standards.
 */
export function reportOptionsFrom(
  config: Pick<AppConfig, 'hollowEconomyThresholdFen' | 'fundingStandardsJson'>,
): ReportOptions {
  return {
    ...DEFAULT_REPORT_OPTIONS,
    hollowEconomyThresholdFen: config.hollowEconomyThresholdFen,
    fundingStandards: loadFundingStandards(config),
  };
}

/** How long a built table is shared (`REPORT_CACHE_MS`, default 1000; 0 switches it off). */
export function reportCacheMsFrom(env: NodeJS.ProcessEnv): number {
  const raw = env.REPORT_CACHE_MS;
  if (raw === undefined || raw === '') return 1000;
  if (!/^[0-9]{1,7}$/.test(raw)) {
    throw new Error(`REPORT_CACHE_MS must be a whole number of milliseconds, not "${raw}"`);
  }
  return Number(raw);
}
