import type { AppConfig } from '@gongjian/config';
import { ConfigError } from '@gongjian/config';
import {
  DEFAULT_FUNDING_STANDARDS,
  FundingStandardsConfig,
  fundingStandardsWith,
} from '@gongjian/domain';

export const FUNDING_STANDARDS = Symbol.for('gongjian.FundingStandards');

/** The standards the funds summary assesses: the domain's defaults, or FUNDING_STANDARDS over them. */
export function loadFundingStandards(
  config: Pick<AppConfig, 'fundingStandardsJson'>,
): FundingStandardsConfig {
  if (config.fundingStandardsJson === undefined) return DEFAULT_FUNDING_STANDARDS;
  try {
    return fundingStandardsWith(JSON.parse(config.fundingStandardsJson));
  } catch (error) {
    throw new ConfigError('FUNDING_STANDARDS', (error as Error).message);
  }
}
