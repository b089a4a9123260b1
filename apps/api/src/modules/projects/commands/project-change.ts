import { ProjectCommand, projectStreamId } from '@gongjian/domain';
import {
  CommandMetadata,
  CommandResult,
  DecisionRunner,
  domainCommand,
} from '@gongjian/write-side';
import { assertProjectInScope, projectRecordDecider, requireProject } from '../project-record';

/** A command on a launched project: 404 if unknown, 403 outside the operator's townships. */
export function changeProject<C extends ProjectCommand>(
  runner: DecisionRunner,
  projectId: string,
  type: C['type'],
  data: C['data'],
  metadata: CommandMetadata,
  options: { occurredAt?: string } = {},
): Promise<CommandResult> {
  return runner.run({
    id: projectId,
    streamId: projectStreamId(projectId),
    decider: projectRecordDecider,
    metadata,
    ...options,
    command: (record) => {
      requireProject(record, projectId);
      assertProjectInScope(metadata.actor, record);
      return domainCommand<C>(type, data, metadata);
    },
  });
}
