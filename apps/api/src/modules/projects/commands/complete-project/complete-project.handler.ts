import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CompleteProject } from '@gongjian/domain';
import { CommandResult, DecisionRunner, shanghaiMidnight } from '@gongjian/write-side';
import { changeProject } from '../project-change';
import { CompleteProjectCommand } from './complete-project.command';

@CommandHandler(CompleteProjectCommand)
export class CompleteProjectHandler implements ICommandHandler<CompleteProjectCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ projectId, body, metadata }: CompleteProjectCommand): Promise<CommandResult> {
    return changeProject<CompleteProject>(
      this.runner,
      projectId,
      'CompleteProject',
      { projectId, on: body.on },
      metadata,
      { occurredAt: shanghaiMidnight(body.on) },
    );
  }
}
