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

/**
 * Defaults from the seed reports (DESIGN.md "Funds"), the one source the read side assesses
 * against unless a county configures its own. 1 元 = 100 fen.
 * - a village service centre ≥ 60万元, assessed in a year it is funded (seed 000);
 * - operating funds ≥ 2万元 per village a year (seed 000, "村按照年平2万元");
 * - activity funds 100元 per rural Party member (a village's members) and 50元 per organ Party
 *   member a year (seed 004, "按农村党员人平100元、机关党员50元"); 50元 per member for county and
 *   township organizations (seed 000, "县乡按照党员总人数年人平50元"): organs and townships;
 * - special funds ≥ 5万元 per village, 20万元 per community (seed 004).
 */
export const DEFAULT_FUNDING_STANDARDS: FundingStandardsConfig = {
  serviceCenterMinFen: { village: 600_000_00 },
  serviceCenterOnlyWhenFunded: true,
  operatingFundsMinFen: { village: 20_000_00 },
  activityFundsPerMemberFen: { village: 100_00, organ: 50_00, township: 50_00 },
  specialBenefitMinFen: { village: 50_000_00, community: 200_000_00 },
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

/** What a recipient's assessment for a year is decided on, besides the standards' own input. */
export type RecipientOfYear = StandardsInput & {
  /** When the organization was registered; absent when not known. */
  registeredOn?: string;
  /** Whether any allocation of the year's budgets went to it (even when later taken back). */
  funded: boolean;
};

/**
 * Who is assessed for a year, and against which standards: an organization is assessed in a year
 * it existed in (registered by the year's end, or funded or its Party members counted for that
 * year), against every standard its sector has, funded or not; a village registered later leaves
 * earlier years alone. The one rule of the funds report and the funds summary by recipient.
 */
export function assessStandardsForYear(
  config: FundingStandardsConfig,
  year: number,
  recipient: RecipientOfYear,
): StandardAssessment[] {
  const existed =
    (recipient.registeredOn !== undefined && recipient.registeredOn <= `${year}-12-31`) ||
    recipient.funded ||
    recipient.memberCount !== undefined;
  return existed ? assessStandards(config, recipient) : [];
}

const FEN_BY_SECTOR_KEYS = [
  'serviceCenterMinFen',
  'operatingFundsMinFen',
  'activityFundsPerMemberFen',
  'specialBenefitMinFen',
] as const;

/**
 * A county's own standards: the defaults with the entries it gives replaced (a whole
 * `<standard>: { <sector>: fen }` map at a time). Anything else than whole non-negative fen per
 * sector code is refused with a message naming the entry.
 */
export function fundingStandardsWith(overrides: unknown): FundingStandardsConfig {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    throw new Error('funding standards must be an object');
  }
  const result: FundingStandardsConfig = { ...DEFAULT_FUNDING_STANDARDS };
  for (const [key, value] of Object.entries(overrides)) {
    if (key === 'serviceCenterOnlyWhenFunded') {
      if (typeof value !== 'boolean') throw new Error(`${key} must be true or false`);
      result.serviceCenterOnlyWhenFunded = value;
    } else if ((FEN_BY_SECTOR_KEYS as readonly string[]).includes(key)) {
      result[key as (typeof FEN_BY_SECTOR_KEYS)[number]] = fenBySector(key, value);
    } else {
      throw new Error(`unknown funding standard ${key}`);
    }
  }
  return result;
}

function fenBySector(key: string, value: unknown): FenBySector {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${key} must map sector codes to fen`);
  }
  for (const [sector, fen] of Object.entries(value)) {
    if (!Number.isSafeInteger(fen) || (fen as number) < 0) {
      throw new Error(`${key}.${sector} must be a whole non-negative number of fen`);
    }
  }
  return { ...(value as Record<string, number>) };
}
