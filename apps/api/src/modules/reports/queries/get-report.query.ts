import type { ReportFilter } from '@gongjian/projections';

export class GetReportQuery {
  constructor(
    readonly name: string,
    readonly filter: ReportFilter,
    /** Build afresh (the request waited for a position) instead of sharing a recent table. */
    readonly fresh = false,
  ) {}
}
