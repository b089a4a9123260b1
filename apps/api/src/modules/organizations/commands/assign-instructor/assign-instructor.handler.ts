import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AssignPartyBuildingInstructor } from '@gongjian/domain';
import { CommandResult, DecisionRunner, resourceIdFor } from '@gongjian/write-side';
import { loadOrganization } from '../../known-organization';
import { changeOrganization } from '../organization-change';
import { AssignInstructorCommand } from './assign-instructor.command';

/** 党建指导员 for a village, a community or a 两新 organization. Answers the (possibly assigned) id in `instructorId`. */
@CommandHandler(AssignInstructorCommand)
export class AssignInstructorHandler implements ICommandHandler<AssignInstructorCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({
    organizationId,
    body,
    metadata,
  }: AssignInstructorCommand): Promise<CommandResult & { instructorId: string }> {
    if (body.fromOrganizationId !== undefined) {
      await loadOrganization(this.runner, body.fromOrganizationId);
    }
    const instructorId = body.instructorId ?? resourceIdFor(metadata.commandId, 'instructor');
    const result = await changeOrganization<AssignPartyBuildingInstructor>(
      this.runner,
      organizationId,
      'AssignPartyBuildingInstructor',
      { organizationId, ...body, instructorId },
      metadata,
    );
    return { ...result, instructorId };
  }
}
