import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../http/auth/roles.decorator';
import { ListAuditEventsQuery } from './queries/list-audit-events.handler';
import { ListAuditEventsQueryDto } from './queries/list-audit-events.query.dto';

@ApiTags('audit (审计)')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('events')
  @Roles('inspector')
  @ApiOperation({
    summary: 'The audit trail: every event, by stream, organization, type, actor and time',
    description: 'Inspectors and admins. Personal data is masked.',
  })
  events(@Query() filters: ListAuditEventsQueryDto) {
    return this.queries.execute(new ListAuditEventsQuery(filters));
  }
}
