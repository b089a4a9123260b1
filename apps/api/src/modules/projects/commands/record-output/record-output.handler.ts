import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecordProjectOutput } from '@gongjian/domain';
import {
  CommandResult,
  DecisionRunner,
  resourceIdFor,
  shanghaiMidnight,
} from '@gongjian/write-side';
import { changeProject } from '../project-change';
import { RecordOutputCommand } from './record-output.command';

/** A physical output; answers the (possibly assigned) id in `outputId`. */
@CommandHandler(RecordOutputCommand)
export class RecordOutputHandler implements ICommandHandler<RecordOutputCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({
    projectId,
    body,
    metadata,
  }: RecordOutputCommand): Promise<CommandResult & { outputId: string }> {
    const outputId = body.outputId ?? resourceIdFor(metadata.commandId, 'output');
    const result = await changeProject<RecordProjectOutput>(
      this.runner,
      projectId,
      'RecordProjectOutput',
      { ...body, projectId, outputId },
      metadata,
      { occurredAt: shanghaiMidnight(body.on) },
    );
    return { ...result, outputId };
  }
}
