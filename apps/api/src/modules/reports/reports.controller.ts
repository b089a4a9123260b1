import { Controller, Get, Headers, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { REPORT_DEFINITIONS, ReportTable } from '@gongjian/projections';
import { AuthenticatedActor } from '../../http/auth/api-key';
import { CurrentActor } from '../../http/auth/current-actor.decorator';
import { Roles } from '../../http/auth/roles.decorator';
import { assertInScope } from '../../http/auth/township-scope';
import { ReadYourWrites } from '../../projections/read-your-writes.decorator';
import { waitedForPosition } from '../../projections/waited-reads';
import { GetReportQuery } from './queries/get-report.query';
import { renderReportCsv } from './report-csv';
import { ReportQueryDto } from './report-query.dto';

const wantsCsv = (accept: string | undefined) => /\btext\/csv\b/i.test(accept ?? '');

@ApiTags('reports (统计报表)')
@ApiBearerAuth()
@Controller('api/v1/reports')
@ReadYourWrites()
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('operator', 'inspector')
  @ApiOperation({ summary: 'The reports there are, with their titles' })
  list() {
    return { items: REPORT_DEFINITIONS.map(({ name, title }) => ({ name, title })) };
  }

  @Get(':name')
  @Roles('operator', 'inspector')
  @ApiProduces('application/json', 'text/csv')
  @ApiOperation({
    summary:
      'A yearly summary table: pairings, villages, funds, projects, collective-income, member-development, activities',
  })
  async get(
    @Param('name') name: string,
    @Query() query: ReportQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
    @Headers('accept') accept: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReportTable | string> {
    const scoped = actor.role === 'operator' && !actor.townships.includes('*');
    if (query.township !== undefined) assertInScope(actor, query.township);
    const filter = {
      year: query.year,
      ...(query.township !== undefined ? { township: query.township } : {}),
      ...(query.township === undefined && scoped ? { townships: actor.townships } : {}),
    };
    const table = await this.queries.execute<GetReportQuery, ReportTable>(
      new GetReportQuery(name, filter, waitedForPosition(request)),
    );
    if (!wantsCsv(accept)) return table;
    reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${table.report}-${table.year}.csv"`);
    return renderReportCsv(table);
  }
}
