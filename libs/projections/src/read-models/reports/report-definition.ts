import {
  DEFAULT_FUNDING_STANDARDS,
  DEFAULT_HOLLOW_ECONOMY_THRESHOLD_FEN,
  FundingStandardsConfig,
} from '@gongjian/domain';
import type { Filter, ReadDocument } from '@gongjian/read-store';
import type { ReportFilter, ReportTable } from './report-table';

/** Settings a county chooses; the defaults come from the seed reports (DESIGN.md). */
export interface ReportOptions {
  /** 空壳村: a village whose collective income for the year is below this (default 5万元). */
  hollowEconomyThresholdFen: number;
  fundingStandards: FundingStandardsConfig;
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = {
  hollowEconomyThresholdFen: DEFAULT_HOLLOW_ECONOMY_THRESHOLD_FEN,
  fundingStandards: DEFAULT_FUNDING_STANDARDS,
};

/**
 * One yearly report: which read-model collection answers it, the find that selects the documents
 * of a (year, township), and how those documents become the table's rows.
 */
export interface ReportDefinition {
  name: string;
  title: string;
  projection: string;
  collection: string;
  filterFor(filter: ReportFilter): Filter;
  build(
    documents: readonly ReadDocument[],
    filter: ReportFilter,
    options: ReportOptions,
  ): ReportTable;
}

/** The township named, else the townships of an operator's scope, else the whole county. */
export function townshipFilter(filter: ReportFilter): Filter {
  if (filter.township !== undefined) return { township: filter.township };
  if (filter.townships !== undefined) return { township: { $in: [...filter.townships] } };
  return {};
}
