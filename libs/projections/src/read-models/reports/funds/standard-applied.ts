import type { FundingStandardsConfig, StandardKey } from '@gongjian/domain';
import { labelOf, SECTOR_LABELS } from '../report-labels';

/** 元 with up to two decimals, 万元 from 10,000 元 on: 2万元, 100元, 0.5元. */
function yuan(fen: number): string {
  const value = fen / 100;
  return value >= 10_000 ? `${value / 10_000}万元` : `${value}元`;
}

const AMOUNTS_BY_SECTOR: Record<StandardKey, keyof FundingStandardsConfig> = {
  service_center_min: 'serviceCenterMinFen',
  operating_funds_min: 'operatingFundsMinFen',
  activity_funds_per_member: 'activityFundsPerMemberFen',
  special_benefit_min: 'specialBenefitMinFen',
};

/**
 * The standard a report assessed, as the county configured it (DESIGN: reports show which
 * standard applied), e.g. "村 2万元/年" or "村 每名党员100元/年；机关 每名党员50元/年".
 */
export function standardApplied(config: FundingStandardsConfig, key: StandardKey): string {
  const bySector = config[AMOUNTS_BY_SECTOR[key]] as Readonly<Partial<Record<string, number>>>;
  const perMember = key === 'activity_funds_per_member';
  const parts = Object.entries(bySector)
    .filter((entry): entry is [string, number] => entry[1] !== undefined)
    .map(([sector, fen]) => {
      const amount = perMember ? `每名党员${yuan(fen)}` : yuan(fen);
      return `${labelOf(SECTOR_LABELS, sector)} ${amount}${key === 'service_center_min' ? '' : '/年'}`;
    });
  const onlyWhenFunded =
    key === 'service_center_min' && config.serviceCenterOnlyWhenFunded
      ? '（当年有投入时评估）'
      : '';
  return `${parts.join('；')}${onlyWhenFunded}`;
}
