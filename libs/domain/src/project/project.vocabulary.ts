import { FUND_SOURCES, FundSource } from '../funds/funds.types';

/** Code names from GLOSSARY.md. */

/** 经济发展类 / 基础设施类 */
export const PROJECT_CATEGORIES = ['economic_development', 'infrastructure'] as const;
export type ProjectCategory = (typeof PROJECT_CATEGORIES)[number];

/** An investment names its source with the fund source code names of the funds context. */
export const INVESTMENT_SOURCES = FUND_SOURCES;
export type InvestmentSource = FundSource;

export type ProjectStatus = 'in_progress' | 'completed';
