/**
 * Local funding standards (地方保障标准). They are configuration, reported as compliance in the
 * funds summary; they never refuse a command. All amounts in fen; a sector without an entry
 * is not assessed for that standard.
 */
import { FundPurpose } from './funds.types';

export type StandardKey =
  | 'service_center_min'
  | 'operating_funds_min'
  | 'activity_funds_per_member'
  | 'special_benefit_min';

/** Recipient sector code (GLOSSARY: village, community, organ, …) → amount in fen. */
export type FenBySector = Readonly<Partial<Record<string, number>>>;

export type FundingStandardsConfig = {
  /** 党员群众服务中心建设: minimum investment in one centre. */
  serviceCenterMinFen: FenBySector;
  /**
   * A centre is built once, not every year: when true, service_center_min is assessed only for
   * recipients that received service_center funds in the period.
   */
  serviceCenterOnlyWhenFunded: boolean;
  /** 村级组织运转经费: minimum per recipient per year. */
  operatingFundsMinFen: FenBySector;
  /** 党员活动经费: minimum per Party member per year (needs the member count). */
  activityFundsPerMemberFen: FenBySector;
  /** 党建专项惠民资金: minimum per recipient per year. */
  specialBenefitMinFen: FenBySector;
};

/** Defaults from the county's published standards (DESIGN.md "Funds"). 1 元 = 100 fen. */
export const DEFAULT_FUNDING_STANDARDS: FundingStandardsConfig = {
  serviceCenterMinFen: { village: 600_000_00 }, // ≥ 60万元 per village centre
  serviceCenterOnlyWhenFunded: true,
  operatingFundsMinFen: { village: 20_000_00 }, // ≥ 2万元 per village per year
  activityFundsPerMemberFen: { village: 50_00, community: 100_00 }, // 50 / 100 元 per member
  specialBenefitMinFen: { village: 50_000_00, community: 200_000_00 }, // 5万 / 20万元
};

export type StandardsInput = {
  recipientSector: string;
  /** Party members of the recipient for the year; activity funds are not assessed without it. */
  memberCount?: number;
  /** What the recipient received for the period, by purpose (e.g. allocated fen in the year). */
  totalsByPurposeFen: Readonly<Partial<Record<FundPurpose, number>>>;
};

export type StandardAssessment = {
  key: StandardKey;
  requiredFen: number;
  actualFen: number;
  met: boolean;
};

export function assessStandards(
  config: FundingStandardsConfig,
  input: StandardsInput,
): StandardAssessment[] {
  const { recipientSector: sector, memberCount, totalsByPurposeFen: totals } = input;
  const results: StandardAssessment[] = [];
  const add = (key: StandardKey, requiredFen: number, actualFen: number) =>
    results.push({ key, requiredFen, actualFen, met: actualFen >= requiredFen });

  const serviceCenter = config.serviceCenterMinFen[sector];
  const serviceCenterFen = totals.service_center ?? 0;
  if (
    serviceCenter !== undefined &&
    (serviceCenterFen > 0 || !config.serviceCenterOnlyWhenFunded)
  ) {
    add('service_center_min', serviceCenter, serviceCenterFen);
  }
  const operating = config.operatingFundsMinFen[sector];
  if (operating !== undefined) add('operating_funds_min', operating, totals.operating_funds ?? 0);
  const perMember = config.activityFundsPerMemberFen[sector];
  if (perMember !== undefined && memberCount !== undefined) {
    add('activity_funds_per_member', perMember * memberCount, totals.activity_funds ?? 0);
  }
  const special = config.specialBenefitMinFen[sector];
  if (special !== undefined) add('special_benefit_min', special, totals.special_benefit ?? 0);
  return results;
}
