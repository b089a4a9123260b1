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
}
