import {
  NotFoundError,
  OrganizationCommand,
  organizationDecider,
  organizationStreamId,
} from '@gongjian/domain';
import { assertInScope } from '../../../http/auth/township-scope';
import {
  CommandMetadata,
  CommandResult,
  DecisionRunner,
  domainCommand,
} from '@gongjian/write-side';

/**
 * A command on a registered organization: 404 if unknown, 403 outside the operator's townships.
 * `occurredAt`: its business date, when it is not now.
 */
export function changeOrganization<C extends OrganizationCommand>(
  runner: DecisionRunner,
  organizationId: string,
  type: C['type'],
  data: C['data'],
  metadata: CommandMetadata,
  occurredAt?: string,
): Promise<CommandResult> {
  return runner.run({
    id: organizationId,
    streamId: organizationStreamId(organizationId),
    decider: organizationDecider,
    metadata,
    ...(occurredAt !== undefined && { occurredAt }),
    command: (state) => {
      if (!state.exists) throw new NotFoundError('organization', organizationId);
      assertInScope(metadata.actor, state.township);
      return domainCommand<C>(type, data, metadata);
    },
  });
}
