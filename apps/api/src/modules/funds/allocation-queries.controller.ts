import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedActor } from '../../http/auth/api-key';
import { CurrentActor } from '../../http/auth/current-actor.decorator';
import { Roles } from '../../http/auth/roles.decorator';
import { ReadQueryDto } from '../../read-side/paged-query.dto';
import { GetAllocationQuery } from './queries/get-allocation.handler';
import { ListAllocationsQuery } from './queries/list-allocations.handler';
import { ListAllocationsQueryDto } from './queries/list-allocations.query.dto';

@ApiTags('funds (经费)')
@ApiBearerAuth()
@Controller('api/v1/allocations')
export class AllocationQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('operator', 'inspector')
  @ApiOperation({ summary: 'Allocations by recipient, year, source and purpose' })
  list(@Query() filters: ListAllocationsQueryDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.queries.execute(new ListAllocationsQuery(filters, actor));
  }

  @Get(':id')
  @Roles('operator', 'inspector')
  @ApiOperation({ summary: 'One allocation: allocated, disbursed, spent' })
  get(
    @Param('id') id: string,
    @Query() query: ReadQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    return this.queries.execute(new GetAllocationQuery(id, actor, query.minPosition));
  }
}
