import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  ApplyForMembership,
  memberDecider,
  pairingDecider,
  pairingStreamId,
  summarizePairing,
} from '@gongjian/domain';
import { assertInScope } from '../../../../http/auth/township-scope';
import {
  CommandResult,
  DecisionRunner,
  domainCommand,
  resourceIdFor,
  shanghaiMidnight,
} from '@gongjian/write-side';
import { loadOrganization } from '../../../organizations/known-organization';
import { memberStreamId } from '../../member-stream';
import { ApplyForMembershipCommand } from './apply-for-membership.command';

/**
 * The organization must exist (404) and lie in the operator's townships (403); a partner
 * organization (dual cultivation) must exist and may lie elsewhere: a migrant worker is
 * cultivated where they work too. A cultivating pairing is loaded for the decider to check.
 */
@CommandHandler(ApplyForMembershipCommand)
export class ApplyForMembershipHandler implements ICommandHandler<ApplyForMembershipCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ application, metadata }: ApplyForMembershipCommand): Promise<CommandResult> {
    const organization = await loadOrganization(this.runner, application.organizationId);
    assertInScope(metadata.actor, organization.township);
    if (application.partnerOrganizationId !== undefined) {
      await loadOrganization(this.runner, application.partnerOrganizationId);
    }
    const { id, pairingId, ...data } = application;
    const cultivatingPairing =
      pairingId === undefined
        ? undefined
        : summarizePairing(
            pairingId,
            (await this.runner.load(pairingStreamId(pairingId), pairingDecider)).state,
          );
    const memberId = id ?? resourceIdFor(metadata.commandId, 'member');
    return this.runner.run({
      id: memberId,
      streamId: memberStreamId(memberId),
      decider: memberDecider,
      metadata,
      occurredAt: shanghaiMidnight(application.appliedOn),
      command: () =>
        domainCommand<ApplyForMembership>(
          'ApplyForMembership',
          { memberId, ...data, ...(cultivatingPairing && { cultivatingPairing }) },
          metadata,
        ),
    });
  }
}
