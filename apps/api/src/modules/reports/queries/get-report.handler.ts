import { Inject, Optional } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '@gongjian/domain';
import {
  READ_MODEL_READER,
  ReadModelReader,
  reportDefinition,
  ReportOptions,
  ReportTable,
} from '@gongjian/projections';
import { ReportCache } from '../report-cache';
import { REPORT_OPTIONS } from '../report-options';
import { GetReportQuery } from './get-report.query';

/** A report is one find on its read model plus the assembling of its rows: no stream is read. */
@QueryHandler(GetReportQuery)
export class GetReportHandler implements IQueryHandler<GetReportQuery, ReportTable> {
  constructor(
    @Inject(REPORT_OPTIONS) private readonly options: ReportOptions,
    @Inject(READ_MODEL_READER) private readonly reader: ReadModelReader,
    @Optional() private readonly cache: ReportCache = new ReportCache(0),
  ) {}

  async execute({ name, filter, fresh }: GetReportQuery): Promise<ReportTable> {
    const definition = reportDefinition(name);
    if (!definition) throw new NotFoundError('report', name);
    const build = async () => {
      const collection = await this.reader.collection(definition.projection, definition.collection);
      const documents = await collection.find(definition.filterFor(filter));
      return definition.build(documents, filter, this.options);
    };
    return this.cache.get(JSON.stringify([name, filter]), build, fresh);
  }
}
