import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordProjectFunding } from '@gongjian/domain';
import {
  CommandResult,
  DecisionRunner,
  resourceIdFor,
  shanghaiMidnight,
} from '@gongjian/write-side';
import { changeProject } from '../project-change';
import { RecordFundingCommand } from './record-funding.command';

/** 争取 / 到位 by source; answers the (possibly assigned) id in `fundingId`. */
@CommandHandler(RecordFundingCommand)
export class RecordFundingHandler implements ICommandHandler<RecordFundingCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({
    projectId,
    body,
    metadata,
  }: RecordFundingCommand): Promise<CommandResult & { fundingId: string }> {
    const fundingId = body.fundingId ?? resourceIdFor(metadata.commandId, 'funding');
    const result = await changeProject<RecordProjectFunding>(
      this.runner,
      projectId,
      'RecordProjectFunding',
      { ...body, projectId, fundingId },
      metadata,
      { occurredAt: shanghaiMidnight(body.on) },
    );
    return { ...result, fundingId };
  }
}
