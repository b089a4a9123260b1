import { DEFAULT_REPORT_OPTIONS, ReportOptions } from '@gongjian/projections';

export const REPORT_OPTIONS = Symbol.for('gongjian.ReportOptions');

/**
 * The county's report settings: `HOLLOW_ECONOMY_THRESHOLD_FEN` moves the 空壳村 line (default
 * 5,000,000 fen = 5万元). A value that is not a positive whole number of fen stops the start.
 */
export function reportOptionsFrom(env: NodeJS.ProcessEnv): ReportOptions {
  const raw = env.HOLLOW_ECONOMY_THRESHOLD_FEN;
  if (raw === undefined || raw === '') return DEFAULT_REPORT_OPTIONS;
  if (!/^[1-9][0-9]{0,14}$/.test(raw)) {
    throw new Error(
      `HOLLOW_ECONOMY_THRESHOLD_FEN must be a positive whole number of fen, not "${raw}"`,
    );
  }
  return { ...DEFAULT_REPORT_OPTIONS, hollowEconomyThresholdFen: Number(raw) };
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
