import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedActor } from '../../http/auth/api-key';
import { CurrentActor } from '../../http/auth/current-actor.decorator';
import { Roles } from '../../http/auth/roles.decorator';
import { ReadQueryDto } from '../../read-side/paged-query.dto';
import { GetProjectQuery } from './queries/get-project.handler';
import { ListProjectsQuery } from './queries/list-projects.handler';
import { ListProjectsQueryDto } from './queries/list-projects.query.dto';

@ApiTags('projects (共建项目)')
@ApiBearerAuth()
@Controller('api/v1/projects')
export class ProjectQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('operator', 'inspector')
  @ApiOperation({ summary: 'Projects by pairing, category and township' })
  list(@Query() filters: ListProjectsQueryDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.queries.execute(new ListProjectsQuery(filters, actor));
  }

  @Get(':id')
  @Roles('operator', 'inspector')
  @ApiOperation({ summary: 'One project' })
  get(
    @Param('id') id: string,
    @Query() query: ReadQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    return this.queries.execute(new GetProjectQuery(id, actor, query.minPosition));
  }
}
