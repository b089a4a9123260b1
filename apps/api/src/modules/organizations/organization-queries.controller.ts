import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedActor } from '../../http/auth/api-key';
import { CurrentActor } from '../../http/auth/current-actor.decorator';
import { Roles } from '../../http/auth/roles.decorator';
import { ReadQueryDto } from '../../read-side/paged-query.dto';
import { GetOrganizationQuery } from './queries/get-organization.handler';
import { ListOrganizationsQuery } from './queries/list-organizations.handler';
import { ListOrganizationsQueryDto } from './queries/list-organizations.query.dto';

@ApiTags('organizations (党组织)')
@ApiBearerAuth()
@Controller('api/v1/organizations')
export class OrganizationQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('operator', 'inspector')
  @ApiOperation({ summary: 'Organizations by township, sector, village category and stars' })
  list(@Query() filters: ListOrganizationsQueryDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.queries.execute(new ListOrganizationsQuery(filters, actor));
  }

  @Get(':id')
  @Roles('operator', 'inspector')
  @ApiOperation({ summary: 'One organization' })
  get(
    @Param('id') id: string,
    @Query() query: ReadQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    return this.queries.execute(new GetOrganizationQuery(id, actor, query.minPosition));
  }
}
