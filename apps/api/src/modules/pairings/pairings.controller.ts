import { Body, Controller, HttpCode, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../http/auth/roles.decorator';
import { CommandMeta } from '../../http/command-metadata.decorator';
import { CommandResultInterceptor } from '../../http/command-result.interceptor';
import { CommandMetadata, CommandResult } from '@gongjian/write-side';
import { DissolvePairingCommand } from './commands/dissolve-pairing/dissolve-pairing.command';
import { DissolvePairingRequestDto } from './commands/dissolve-pairing/dissolve-pairing.request.dto';
import { LogActivityCommand } from './commands/log-activity/log-activity.command';
import { LogActivityRequestDto } from './commands/log-activity/log-activity.request.dto';
import { PairBranchCommand } from './commands/pair-branch/pair-branch.command';
import { PairBranchRequestDto } from './commands/pair-branch/pair-branch.request.dto';
import { RenewPairingCommand } from './commands/renew-pairing/renew-pairing.command';
import { RenewPairingRequestDto } from './commands/renew-pairing/renew-pairing.request.dto';

@ApiTags('pairings (结对共建)')
@ApiBearerAuth()
@Controller('api/v1/pairings')
@UseInterceptors(CommandResultInterceptor)
export class PairingsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('operator')
  @ApiOperation({
    summary: 'Pair an urban organization with a village or community (结对)',
    description:
      'Refused with PRINCIPLE_MISMATCH when the matching principle is not met and no ' +
      'principleOverrideReason is given, and with PAIRING_ALREADY_ACTIVE when the same two ' +
      'organizations already have an active pairing.',
  })
  pair(
    @Body() body: PairBranchRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new PairBranchCommand(body, meta));
  }

  @Post(':id/activities')
  @Roles('operator')
  @ApiOperation({ summary: 'Log an activity (党建指导日, 集体活动日, …) of the pairing' })
  logActivity(
    @Param('id') id: string,
    @Body() body: LogActivityRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new LogActivityCommand(id, body, meta));
  }

  @Post(':id/dissolve')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({ summary: 'Dissolve an active pairing early' })
  dissolve(
    @Param('id') id: string,
    @Body() body: DissolvePairingRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new DissolvePairingCommand(id, body, meta));
  }

  @Post(':id/renew')
  @HttpCode(200)
  @Roles('operator')
  @ApiOperation({ summary: "Extend an active pairing's term" })
  renew(
    @Param('id') id: string,
    @Body() body: RenewPairingRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(new RenewPairingCommand(id, body, meta));
  }
}
