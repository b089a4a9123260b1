import { FUND_SOURCES, FundSource } from '../funds/funds.types';

/** Code names from GLOSSARY.md. */

/** 经济发展类 / 基础设施类 */
export const PROJECT_CATEGORIES = ['economic_development', 'infrastructure'] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

/**
 * Where a project's money comes from: the fund sources of the funds context, and those the seeds
 * name besides (seed 001): 企业 (`enterprise`), 社会资本 (`social_capital`) and 上级 (funds won
 * from higher levels, `higher_level`).
 */
export const PROJECT_FUNDING_SOURCES = [
  ...FUND_SOURCES,
  'enterprise',
  'social_capital',
  'higher_level',
] as const;
export type ProjectFundingSource = FundSource | 'enterprise' | 'social_capital' | 'higher_level';

/** An investment names its source the same way. */
export const INVESTMENT_SOURCES = PROJECT_FUNDING_SOURCES;
export type InvestmentSource = ProjectFundingSource;

/** 争取 (secured: promised or approved) / 到位 (arrived: actually received). */
export const FUNDING_STAGES = ['secured', 'arrived'] as const;
export type FundingStage = (typeof FUNDING_STAGES)[number];

/**
 * Physical outputs (seed 001): roads (硬化道路, in metres or square metres), street lights (路灯),
 * squares (文化广场), offices (村级活动场所), toilets (公厕), and anything else described.
 */
export const OUTPUT_KINDS = [
  'road',
  'street_light',
  'square',
  'office',
  'toilet',
  'other',
] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export const OUTPUT_UNITS = ['metre', 'square_metre', 'item'] as const;
export type OutputUnit = (typeof OUTPUT_UNITS)[number];

/** The units each kind of output is counted in. */
export const UNITS_OF_OUTPUT: Readonly<Record<OutputKind, readonly OutputUnit[]>> = {
  road: ['metre', 'square_metre'],
  street_light: ['item'],
  square: ['square_metre', 'item'],
  office: ['square_metre', 'item'],
  toilet: ['item'],
  other: OUTPUT_UNITS,
};

export type ProjectStatus = 'in_progress' | 'completed';
