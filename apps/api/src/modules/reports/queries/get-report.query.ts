import type { ReportFilter } from '@gongjian/projections';

export class GetReportQuery {
  constructor(
    readonly name: string,
    readonly filter: ReportFilter,
  ) {}
}
