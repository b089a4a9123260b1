import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../http/auth/roles.decorator';
import { CommandMeta } from '../../http/command-metadata.decorator';
import { CommandResultInterceptor } from '../../http/command-result.interceptor';
import { CommandMetadata, CommandResult } from '@gongjian/write-side';
import { CompleteProjectCommand } from './commands/complete-project/complete-project.command';
import { CompleteProjectRequestDto } from './commands/complete-project/complete-project.request.dto';
import { LaunchProjectCommand } from './commands/launch-project/launch-project.command';
import { LaunchProjectRequestDto } from './commands/launch-project/launch-project.request.dto';
import { RecordFundingCommand } from './commands/record-funding/record-funding.command';
import { RecordFundingRequestDto } from './commands/record-funding/record-funding.request.dto';
import { RecordOutputCommand } from './commands/record-output/record-output.command';
import { RecordOutputRequestDto } from './commands/record-output/record-output.request.dto';
import { RecordInvestmentCommand } from './commands/record-investment/record-investment.command';
import { RecordInvestmentRequestDto } from './commands/record-investment/record-investment.request.dto';

@ApiTags('projects (共建项目)')
@ApiBearerAuth()
@Controller('api/v1/projects')
@UseInterceptors(CommandResultInterceptor)
export class ProjectsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('operator')
  @ApiOperation({
    summary: 'Launch a project under an active pairing',
    description: "Also counts the project as delivered against the pairing's commitments.",
  })
  launch(
    @Body() body: LaunchProjectRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new LaunchProjectCommand(body, meta));
  }

  @Post(':id/investments')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({ summary: 'Record an investment into a project that is not completed' })
  recordInvestment(
    @Param('id') id: string,
    @Body() body: RecordInvestmentRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new RecordInvestmentCommand(id, body, meta));
  }

  @Post(':id/complete')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({ summary: 'Complete a project' })
  complete(
    @Param('id') id: string,
    @Body() body: CompleteProjectRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new CompleteProjectCommand(id, body, meta));
  }

  @Post(':id/funding')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({
    summary: 'Record money secured (争取) or arrived (到位) for a project, by source',
    description: 'Arrived money of a source never exceeds what was secured from it.',
  })
  recordFunding(
    @Param('id') id: string,
    @Body() body: RecordFundingRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new RecordFundingCommand(id, body, meta));
  }

  @Post(':id/outputs')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({
    summary: 'Record a physical output of a project (road metres, street lights, squares, …)',
  })
  recordOutput(
    @Param('id') id: string,
    @Body() body: RecordOutputRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new RecordOutputCommand(id, body, meta));
  }
}
