import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../http/auth/roles.decorator';
import { CommandMeta } from '../../http/command-metadata.decorator';
import { CommandResultInterceptor } from '../../http/command-result.interceptor';
import { CommandMetadata, CommandResult } from '@gongjian/write-side';
import { IncreaseBudgetCommand } from './commands/increase-budget/increase-budget.command';
import { IncreaseBudgetRequestDto } from './commands/increase-budget/increase-budget.request.dto';
import { ReduceBudgetCommand } from './commands/reduce-budget/reduce-budget.command';
import { ReduceBudgetRequestDto } from './commands/reduce-budget/reduce-budget.request.dto';
import { OpenBudgetCommand } from './commands/open-budget/open-budget.command';
import { OpenBudgetRequestDto } from './commands/open-budget/open-budget.request.dto';

/** Budget pools are county-level: only admins open, increase or reduce them. */
@ApiTags('funds (经费)')
@ApiBearerAuth()
@Controller('api/v1/budgets')
@UseInterceptors(CommandResultInterceptor)
export class BudgetsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles()
  @ApiOperation({ summary: 'Open a budget pool for a year and a source (admin)' })
  open(
    @Body() body: OpenBudgetRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new OpenBudgetCommand(body, meta));
  }

  @Post(':id/increase')
  @HttpCode(200)
  @Roles()
  @ApiOperation({ summary: 'Add to a budget pool (admin)' })
  increase(
    @Param('id') id: string,
    @Body() body: IncreaseBudgetRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new IncreaseBudgetCommand(id, body, meta));
  }

  @Post(':id/reduce')
  @HttpCode(200)
  @Roles()
  @ApiOperation({
    summary: 'Take from a budget pool what is not allocated (admin)',
    description: 'Refused with 422 BUDGET_REDUCTION_BELOW_ALLOCATED below what is allocated.',
  })
  reduce(
    @Param('id') id: string,
    @Body() body: ReduceBudgetRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new ReduceBudgetCommand(id, body, meta));
  }
}
