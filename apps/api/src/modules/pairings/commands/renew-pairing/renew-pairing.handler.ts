import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  organizationDecider,
  organizationStreamId,
  pairingDecider,
  pairingStreamId,
  RenewPairing,
  RenewPairingLink,
} from '@gongjian/domain';
import { CommandResult, DecisionRunner, domainCommand } from '@gongjian/write-side';
import { requireScopedPairing } from '../pairing-change';
import { PAIRING_RULES, PairingRules } from '../../pairing-rules';
import { RenewPairingCommand } from './renew-pairing.command';

/**
 * PairingRenewed on `pairing-<id>` (the answer; If-Match applies there) and PairingLinkRenewed on
 * the rural organization's stream, decided together and appended in one atomic append, so the
 * link that guards the pair always ends when the pairing does. A renewal signed in time may be
 * entered up to LATE_ENTRY_GRACE_DAYS after the term ended.
 */
@CommandHandler(RenewPairingCommand)
export class RenewPairingHandler implements ICommandHandler<RenewPairingCommand> {
  constructor(
    private readonly runner: DecisionRunner,
    @Inject(PAIRING_RULES) private readonly rules: PairingRules,
  ) {}

  execute({ pairingId, body, metadata }: RenewPairingCommand): Promise<CommandResult> {
    const streamId = pairingStreamId(pairingId);
    return this.runner.runAcross({
      id: pairingId,
      streamId,
      metadata,
      decide: async (session) => {
        const pairing = await session.state(streamId, pairingDecider);
        const { ruralOrganizationId } = requireScopedPairing(pairing, pairingId, metadata.actor);
        await session.decide(streamId, pairingDecider, () =>
          domainCommand<RenewPairing>(
            'RenewPairing',
            { pairingId, endsOn: body.endsOn, lateEntryGraceDays: this.rules.lateEntryGraceDays },
            metadata,
          ),
        );
        await session.decide(organizationStreamId(ruralOrganizationId), organizationDecider, () =>
          domainCommand<RenewPairingLink>(
            'RenewPairingLink',
            { organizationId: ruralOrganizationId, pairingId, endsOn: body.endsOn },
            metadata,
          ),
        );
      },
    });
  }
}
