import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  LinkPairing,
  organizationDecider,
  organizationStreamId,
  PairBranch,
  pairingDecider,
  pairingStreamId,
  summarizeOrganization,
} from '@gongjian/domain';
import {
  CommandResult,
  DecisionRunner,
  DecisionSession,
  domainCommand,
  resourceIdFor,
  shanghaiMidnight,
} from '@gongjian/write-side';
import { assertRuralSideInScope } from '../../pairing-scope';
import { PairBranchCommand } from './pair-branch.command';

/**
 * 结对 writes two streams in one atomic append: BranchPaired on `pairing-<id>` (the answer) and
 * PairingLinked on the rural organization's stream, where "at most one active pairing per
 * (urban, rural) pair" is kept (libs/domain/src/organization/link-pairing.ts). Both are decided
 * on the states read in the same attempt; of concurrent requests for the same pair one appends,
 * the others conflict on the rural stream, decide again and are refused PAIRING_ALREADY_ACTIVE.
 */
@CommandHandler(PairBranchCommand)
export class PairBranchHandler implements ICommandHandler<PairBranchCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ body, metadata }: PairBranchCommand): Promise<CommandResult> {
    const pairingId = body.id ?? resourceIdFor(metadata.commandId, 'pairing');
    const pairingStream = pairingStreamId(pairingId);
    const ruralStream = organizationStreamId(body.ruralOrganizationId);

    // The pairing's business date: its start when that has come (a pairing entered late is
    // true from then on, in as-of replays too), else the day it is agreed.
    const startsAt = shanghaiMidnight(body.startsOn);
    return this.runner.runAcross({
      id: pairingId,
      streamId: pairingStream,
      metadata,
      occurredAt: startsAt < metadata.now ? startsAt : metadata.now,
      writes: [ruralStream],
      decide: async (session: DecisionSession) => {
        const [urban, rural] = await Promise.all([
          session.state(organizationStreamId(body.urbanOrganizationId), organizationDecider),
          session.state(ruralStream, organizationDecider),
        ]);
        const ruralSummary = summarizeOrganization(body.ruralOrganizationId, rural);
        if (ruralSummary.exists) assertRuralSideInScope(metadata.actor, ruralSummary.township);
        await session.decide(pairingStream, pairingDecider, () =>
          domainCommand<PairBranch>(
            'PairBranch',
            {
              pairingId,
              urban: summarizeOrganization(body.urbanOrganizationId, urban),
              rural: ruralSummary,
              contactLeader: { name: body.contactLeader.name, title: body.contactLeader.title },
              startsOn: body.startsOn,
              endsOn: body.endsOn,
              commitments: {
                fundsFen: body.commitments.fundsFen,
                projects: body.commitments.projects,
                activists: body.commitments.activists,
              },
              principleOverrideReason: body.principleOverrideReason,
            },
            metadata,
          ),
        );
        await session.decide(ruralStream, organizationDecider, () =>
          domainCommand<LinkPairing>(
            'LinkPairing',
            {
              organizationId: body.ruralOrganizationId,
              pairingId,
              urbanOrganizationId: body.urbanOrganizationId,
              startsOn: body.startsOn,
              endsOn: body.endsOn,
            },
            metadata,
          ),
        );
      },
    });
  }
}
