/** Fund sources (GLOSSARY): 县财政 / 组织部奖补 / 乡镇补助 / 村自筹 / 共建单位 / 部门项目资金 / 党费下拨. */
export const FUND_SOURCES = [
  'county_finance',
  'org_dept_award',
  'township_subsidy',
  'village_self_raised',
  'partner_unit',
  'department_project',
  'party_dues',
] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

/**
 * Fund purposes (GLOSSARY): 党员群众服务中心建设 / 党员活动经费 / 村级组织运转经费 /
 * 党建专项惠民资金 / 共建项目 / 培训 / 困难党员帮扶.
 */
export const FUND_PURPOSES = [
  'service_center',
  'activity_funds',
  'operating_funds',
  'special_benefit',
  'project',
  'training',
  'hardship_support',
] as const;
export type FundPurpose = (typeof FUND_PURPOSES)[number];

export function isFundSource(value: unknown): value is FundSource {
  return (FUND_SOURCES as readonly unknown[]).includes(value);
}

export function isFundPurpose(value: unknown): value is FundPurpose {
  return (FUND_PURPOSES as readonly unknown[]).includes(value);
}

/** `<year>-<source>`, or `<year>-<source>-<issuerOrganizationId>` when an issuer makes it specific. */
export function budgetIdFor(
  year: number,
  source: FundSource,
  issuerOrganizationId?: string,
): string {
  return issuerOrganizationId ? `${year}-${source}-${issuerOrganizationId}` : `${year}-${source}`;
}

export const budgetStreamId = (budgetId: string): string => `budget-${budgetId}`;
export const allocationStreamId = (allocationId: string): string => `allocation-${allocationId}`;
