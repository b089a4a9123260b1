import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'One budget pool with its reservations' })
  get(@Param('id') id: string, @Query() query: ReadQueryDto) {
    return this.queries.execute(new GetBudgetQuery(id, query.minPosition));
  }
}
