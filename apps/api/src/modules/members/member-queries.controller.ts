import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedActor } from '../../http/auth/api-key';
import { CurrentActor } from '../../http/auth/current-actor.decorator';
import { Roles } from '../../http/auth/roles.decorator';
import { ReadQueryDto } from '../../read-side/paged-query.dto';
import { GetMemberQuery } from './queries/get-member.handler';
import { ListMembersQuery } from './queries/list-members.handler';
import { ListMembersQueryDto } from './queries/list-members.query.dto';
import { MemberStatisticsQuery } from './queries/member-statistics.handler';
import { MemberStatisticsQueryDto } from './queries/member-statistics.query.dto';

@ApiTags('member development (发展党员)')
@ApiBearerAuth()
@Controller('api/v1/members')
export class MemberQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('operator', 'inspector')
  @ApiOperation({ summary: 'Members by organization, stage and overdue obligations' })
  list(@Query() filters: ListMembersQueryDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.queries.execute(new ListMembersQuery(filters, actor));
  }

  @Get('statistics')
  @Roles('operator', 'inspector')
  @ApiOperation({
    summary: 'Members per stage, and admitted in a year, by organization or township',
  })
  statistics(
    @Query() filters: MemberStatisticsQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    return this.queries.execute(new MemberStatisticsQuery(filters, actor));
  }

  @Get(':id')
  @Roles('operator', 'inspector')
  @ApiOperation({
    summary: 'One member: stage, history, obligations (personal data masked for inspectors)',
  })
  get(
    @Param('id') id: string,
    @Query() query: ReadQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    return this.queries.execute(new GetMemberQuery(id, actor, query.minPosition));
  }
}
