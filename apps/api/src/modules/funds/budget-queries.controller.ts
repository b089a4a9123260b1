import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedActor } from '../../http/auth/api-key';
import { CurrentActor } from '../../http/auth/current-actor.decorator';
import { Roles } from '../../http/auth/roles.decorator';
import { ReadQueryDto } from '../../read-side/paged-query.dto';
import { GetBudgetQuery } from './queries/get-budget.handler';

@ApiTags('funds (经费)')
@ApiBearerAuth()
@Controller('api/v1/budgets')
export class BudgetQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('operator', 'inspector')
  @ApiOperation({
    summary: 'One budget pool with its reservations',
    description:
      'The pool’s totals are the county’s; an operator sees the allocations to organizations of its townships only.',
  })
  get(
    @Param('id') id: string,
    @Query() query: ReadQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    return this.queries.execute(new GetBudgetQuery(id, actor, query.minPosition));
  }
}
