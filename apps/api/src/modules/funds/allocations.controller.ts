import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../http/auth/roles.decorator';
import { CommandMeta } from '../../http/command-metadata.decorator';
import { CommandResultInterceptor } from '../../http/command-result.interceptor';
import { CommandMetadata, CommandResult } from '@gongjian/write-side';
import { AllocateFundsCommand } from './commands/allocate-funds/allocate-funds.command';
import { AllocateFundsRequestDto } from './commands/allocate-funds/allocate-funds.request.dto';
import { CancelAllocationCommand } from './commands/cancel-allocation/cancel-allocation.command';
import { CancelAllocationRequestDto } from './commands/cancel-allocation/cancel-allocation.request.dto';
import { RecordDisbursementCommand } from './commands/record-disbursement/record-disbursement.command';
import { RecordDisbursementRequestDto } from './commands/record-disbursement/record-disbursement.request.dto';
import { RecordExpenditureCommand } from './commands/record-expenditure/record-expenditure.command';
import { RecordExpenditureRequestDto } from './commands/record-expenditure/record-expenditure.request.dto';
import { ReduceAllocationCommand } from './commands/reduce-allocation/reduce-allocation.command';
import { ReduceAllocationRequestDto } from './commands/reduce-allocation/reduce-allocation.request.dto';

/** Operators act on allocations whose recipient lies in their townships. */
@ApiTags('funds (经费)')
@ApiBearerAuth()
@Controller('api/v1/allocations')
@UseInterceptors(CommandResultInterceptor)
export class AllocationsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('operator')
  @ApiOperation({ summary: 'Allocate funds from a budget to a recipient (reserves the pool)' })
  allocate(
    @Body() body: AllocateFundsRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new AllocateFundsCommand(body, meta));
  }

  @Post(':id/disbursements')
  @Roles('operator')
  @ApiOperation({ summary: 'Record a disbursement (拨付), within what was allocated' })
  disburse(
    @Param('id') id: string,
    @Body() body: RecordDisbursementRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new RecordDisbursementCommand(id, body, meta));
  }

  @Post(':id/expenditures')
  @Roles('operator')
  @ApiOperation({
    summary: 'Record spending with its receipt, within what was disbursed by its date',
  })
  spend(
    @Param('id') id: string,
    @Body() body: RecordExpenditureRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new RecordExpenditureCommand(id, body, meta));
  }

  @Post(':id/reduce')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({ summary: 'Reduce an allocation (never below what was disbursed)' })
  reduce(
    @Param('id') id: string,
    @Body() body: ReduceAllocationRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new ReduceAllocationCommand(id, body, meta));
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({ summary: 'Cancel an allocation with nothing disbursed' })
  cancel(
    @Param('id') id: string,
    @Body() body: CancelAllocationRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new CancelAllocationCommand(id, body, meta));
  }
}
