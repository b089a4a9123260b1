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
import { changePairing, requireScopedPairing } from '../pairing-change';
import { DissolvePairingCommand } from './dissolve-pairing.command';

/**
 * Two streams, in this order:
 *   1. DissolvePairing on `pairing-<id>` (the answer of the request; If-Match applies here);
 *   2. UnlinkPairing (reason `dissolved`) on the rural organization's stream, which frees the pair
 *      for a new pairing.
 * A retry with the same Idempotency-Key answers 1 from the stream and completes 2 if it was
 * interrupted; UnlinkPairing of a link already gone is a no-op.
 */
@CommandHandler(DissolvePairingCommand)
export class DissolvePairingHandler implements ICommandHandler<DissolvePairingCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ pairingId, body, metadata }: DissolvePairingCommand): Promise<CommandResult> {
    const { state } = await this.runner.load(pairingStreamId(pairingId), pairingDecider);
    const { ruralOrganizationId } = requireScopedPairing(state, pairingId, metadata.actor);
    const occurredAt = shanghaiMidnight(body.on);

    const dissolved = await changePairing<DissolvePairing>(
      this.runner,
      pairingId,
      'DissolvePairing',
      { pairingId, reason: body.reason, on: body.on },
      metadata,
      { occurredAt },
    );

    await this.runner.run({
      id: pairingId,
      streamId: organizationStreamId(ruralOrganizationId),
      decider: organizationDecider,
      metadata,
      occurredAt,
      ignoreIfMatch: true,
      command: () =>
        domainCommand<UnlinkPairing>(
          'UnlinkPairing',
          { organizationId: ruralOrganizationId, pairingId, reason: 'dissolved' },
          metadata,
        ),
    });
    return dissolved;
  }
}
