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
