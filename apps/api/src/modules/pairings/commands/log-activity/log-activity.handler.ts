import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { LogActivity } from '@gongjian/domain';
import {
  CommandResult,
  DecisionRunner,
  resourceIdFor,
  shanghaiMidnight,
} from '@gongjian/write-side';
import { PAIRING_RULES, PairingRules } from '../../pairing-rules';
import { changePairing } from '../pairing-change';
import { LogActivityCommand } from './log-activity.command';

/**
 * Answers the pairing's stream position and, in `activityId`, the (possibly assigned) id. After
 * the term has ended, activities of the term are accepted for LATE_ENTRY_GRACE_DAYS.
 */
@CommandHandler(LogActivityCommand)
export class LogActivityHandler implements ICommandHandler<LogActivityCommand> {
  constructor(
    private readonly runner: DecisionRunner,
    @Inject(PAIRING_RULES) private readonly rules: PairingRules,
  ) {}

  async execute({
    pairingId,
    body,
    metadata,
  }: LogActivityCommand): Promise<CommandResult & { activityId: string }> {
    const activityId = body.activityId ?? resourceIdFor(metadata.commandId, 'activity');
    const result = await changePairing<LogActivity>(
      this.runner,
      pairingId,
      'LogActivity',
      {
        pairingId,
        activityId,
        type: body.type,
        date: body.date,
        participants: body.participants,
        summary: body.summary,
        ...(body.trainees !== undefined && { trainees: { ...body.trainees } }),
        lateEntryGraceDays: this.rules.lateEntryGraceDays,
      },
      metadata,
      { occurredAt: shanghaiMidnight(body.date) },
    );
    return { ...result, activityId };
  }
}
