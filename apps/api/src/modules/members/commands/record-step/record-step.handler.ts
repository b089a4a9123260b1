import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { MEMBER_STEP_COMMANDS, memberDecider, MemberStepCommand } from '@gongjian/domain';
import {
  CommandResult,
  DecisionRunner,
  domainCommand,
  shanghaiDate,
  shanghaiMidnight,
} from '@gongjian/write-side';
import { loadOrganization } from '../../../organizations/known-organization';
import { loadMemberInScope, memberStreamId } from '../../member-stream';
import { definedOnly } from '../../request-fields';
import { RecordStepCommand } from './record-step.command';

/**
 * `step` → MEMBER_STEP_COMMANDS[step] with `{ memberId, ...stepFields }`. The member must exist
 * (404) and its organization lie in the operator's townships (403); a transfer's receiving
 * organization must exist (404). The event's occurredAt is the step's business date.
 */
@CommandHandler(RecordStepCommand)
export class RecordStepHandler implements ICommandHandler<RecordStepCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ memberId, body, metadata }: RecordStepCommand): Promise<CommandResult> {
    await loadMemberInScope(this.runner, memberId, metadata.actor);
    const { step, ...given } = body;
    const fields = definedOnly(given);
    if (step === 'transfer' && fields.toOrganizationId !== undefined) {
      await loadOrganization(this.runner, fields.toOrganizationId);
    }
    const dated =
      step === 'public_notice'
        ? fields
        : { ...fields, on: fields.on ?? shanghaiDate(metadata.now) };
    const businessDate = (dated.on ?? dated.from) as string;
    return this.runner.run({
      id: memberId,
      streamId: memberStreamId(memberId),
      decider: memberDecider,
      metadata,
      occurredAt: shanghaiMidnight(businessDate),
      command: () =>
        domainCommand<MemberStepCommand>(
          MEMBER_STEP_COMMANDS[step],
          { memberId, ...dated } as MemberStepCommand['data'],
          metadata,
        ),
    });
  }
}
