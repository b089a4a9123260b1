import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EndPartyBuildingInstructor } from '@gongjian/domain';
import { CommandResult, DecisionRunner } from '@gongjian/write-side';
import { changeOrganization } from '../organization-change';
import { EndInstructorCommand } from './end-instructor.command';

/** 404 INSTRUCTOR_NOT_FOUND for an instructor the organization never had. */
@CommandHandler(EndInstructorCommand)
export class EndInstructorHandler implements ICommandHandler<EndInstructorCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({
    organizationId,
    instructorId,
    body,
    metadata,
  }: EndInstructorCommand): Promise<CommandResult> {
    return changeOrganization<EndPartyBuildingInstructor>(
      this.runner,
      organizationId,
      'EndPartyBuildingInstructor',
      { organizationId, instructorId, ...body },
      metadata,
    );
  }
}
