import type { FundingStandardsConfig } from '@gongjian/domain';

/**
 * The standards the funds summary assesses recipients against (DESIGN.md "Funds", from the
 * seeds): a village service centre ≥ 60万元 (assessed in a year it is funded); operating funds
 * ≥ 2万元 per village a year; activity funds of 100元 per rural Party member, 50元 per organ,
 * county or township Party member a year; special funds ≥ 5万元 per village, 20万元 per community.
 */
export const COUNTY_FUNDING_STANDARDS: FundingStandardsConfig = {
  serviceCenterMinFen: { village: 600_000_00 },
  serviceCenterOnlyWhenFunded: true,
  operatingFundsMinFen: { village: 20_000_00 },
  activityFundsPerMemberFen: { village: 100_00, organ: 50_00, township: 50_00 },
  specialBenefitMinFen: { village: 50_000_00, community: 200_000_00 },
};
