import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  DissolvePairing,
  organizationDecider,
  organizationStreamId,
  pairingDecider,
  pairingStreamId,
  UnlinkPairing,
} from '@gongjian/domain';
import {
  CommandResult,
  DecisionRunner,
  domainCommand,
  shanghaiMidnight,
} from '@gongjian/write-side';
import { requireScopedPairing } from '../pairing-change';
import { DissolvePairingCommand } from './dissolve-pairing.command';

/**
 * PairingDissolved on `pairing-<id>` (the answer; If-Match applies there) and PairingUnlinked
 * (reason `dissolved`) on the rural organization's stream, which frees the pair for a new
 * pairing: one atomic append.
 */
@CommandHandler(DissolvePairingCommand)
export class DissolvePairingHandler implements ICommandHandler<DissolvePairingCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ pairingId, body, metadata }: DissolvePairingCommand): Promise<CommandResult> {
    const streamId = pairingStreamId(pairingId);
    return this.runner.runAcross({
      id: pairingId,
      streamId,
      metadata,
      occurredAt: shanghaiMidnight(body.on),
      decide: async (session) => {
        const pairing = await session.state(streamId, pairingDecider);
        const { ruralOrganizationId } = requireScopedPairing(pairing, pairingId, metadata.actor);
        await session.decide(streamId, pairingDecider, () =>
          domainCommand<DissolvePairing>(
            'DissolvePairing',
            { pairingId, reason: body.reason, on: body.on },
            metadata,
          ),
        );
        await session.decide(organizationStreamId(ruralOrganizationId), organizationDecider, () =>
          domainCommand<UnlinkPairing>(
            'UnlinkPairing',
            { organizationId: ruralOrganizationId, pairingId, reason: 'dissolved' },
            metadata,
          ),
        );
      },
    });
  }
}
