import { Body, Controller, Inject, Param, Post, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../http/auth/roles.decorator';
import { CommandMeta } from '../../http/command-metadata.decorator';
import { CommandResultInterceptor } from '../../http/command-result.interceptor';
import { PERSONAL_DATA_CIPHER, PersonalDataCipher } from '../../personal-data/personal-data.cipher';
import { CommandMetadata, CommandResult } from '@gongjian/write-side';
import { ApplyForMembershipCommand } from './commands/apply-for-membership/apply-for-membership.command';
import { ApplyForMembershipRequestDto } from './commands/apply-for-membership/apply-for-membership.request.dto';
import { RecordStepCommand } from './commands/record-step/record-step.command';
import { RecordStepResult } from './commands/record-step/record-step.handler';
import { RecordStepRequestDto } from './commands/record-step/record-step.request.dto';

@ApiTags('member development (发展党员)')
@ApiBearerAuth()
@Controller('api/v1/members')
@UseInterceptors(CommandResultInterceptor)
export class MembersController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  @Post()
  @Roles('operator')
  @ApiOperation({ summary: 'Record an application for Party membership (入党申请)' })
  apply(
    @Body() body: ApplyForMembershipRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.commands.execute(ApplyForMembershipCommand.seal(body, meta, this.cipher));
  }

  @Post(':id/steps')
  @Roles('operator')
  @ApiOperation({
    summary: 'Record a step of the development procedure',
    description:
      'A valid vote (`branch_vote`, `full_membership_vote`) is recorded whether or not it passes: ' +
      'its answer adds `passed` and the tallies recorded, and the member history shows `passed` ' +
      'on the vote entry.',
  })
  @ApiCreatedResponse({
    description:
      'The step was recorded. For a vote, `passed` and the tallies recorded (also on a replay ' +
      'with the same Idempotency-Key).',
    schema: {
      type: 'object',
      required: ['id', 'streamId', 'revision', 'position', 'eventIds'],
      properties: {
        id: { type: 'string' },
        streamId: { type: 'string' },
        revision: { type: 'integer' },
        position: { type: 'string', nullable: true },
        eventIds: { type: 'array', items: { type: 'string' } },
        passed: { type: 'boolean', description: 'Vote steps only: whether the vote passed.' },
        eligibleVoters: { type: 'integer', description: 'Vote steps only.' },
        present: { type: 'integer', description: 'Vote steps only.' },
        yesVotes: { type: 'integer', description: 'Vote steps only.' },
        noVotes: { type: 'integer', description: 'Vote steps only.' },
        abstentions: { type: 'integer', description: 'Vote steps only.' },
      },
    },
  })
  recordStep(
    @Param('id') id: string,
    @Body() body: RecordStepRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<RecordStepResult> {
    return this.commands.execute(new RecordStepCommand(id, body, meta));
  }
}
