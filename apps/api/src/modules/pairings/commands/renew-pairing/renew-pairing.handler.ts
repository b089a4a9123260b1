import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  organizationDecider,
  organizationStreamId,
  pairingDecider,
  pairingStreamId,
  RenewPairing,
  RenewPairingLink,
} from '@gongjian/domain';
import {
  CommandResult,
  DecisionRunner,
  domainCommand,
  PreconditionFailedError,
} from '@gongjian/write-side';
import { changePairing, requireScopedPairing } from '../pairing-change';
import { RenewPairingCommand } from './renew-pairing.command';

/**
 * Two streams, in this order (libs/domain/src/organization/link-pairing.ts):
 *   0. if the pairing stream already holds this command's event, answer as before (a retry);
 *   1. load the pairing, check scope and If-Match, decide RenewPairing without appending, so
 *      every refusal happens before anything is written;
 *   2. RenewPairingLink on the rural organization's stream: the link is extended first, so an
 *      interruption errs on the side of blocking a second pairing of the same pair;
 *   3. RenewPairing on `pairing-<id>`: the answer of the request.
 * A retry with the same Idempotency-Key after an interruption answers 2 from the stream and
 * completes 3.
 */
@CommandHandler(RenewPairingCommand)
export class RenewPairingHandler implements ICommandHandler<RenewPairingCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ pairingId, body, metadata }: RenewPairingCommand): Promise<CommandResult> {
    const streamId = pairingStreamId(pairingId);
    const data = { pairingId, endsOn: body.endsOn };

    // 0.
    const earlier = await this.runner.previousResult(pairingId, streamId, metadata);
    if (earlier) return earlier;

    // 1.
    const { state, revision } = await this.runner.load(streamId, pairingDecider);
    const { ruralOrganizationId } = requireScopedPairing(state, pairingId, metadata.actor);
    if (metadata.ifMatch !== undefined && metadata.ifMatch !== revision) {
      throw new PreconditionFailedError(streamId, metadata.ifMatch, revision);
    }
    pairingDecider.decide(domainCommand<RenewPairing>('RenewPairing', data, metadata), state);

    // 2.
    await this.runner.run({
      id: pairingId,
      streamId: organizationStreamId(ruralOrganizationId),
      decider: organizationDecider,
      metadata,
      ignoreIfMatch: true,
      command: () =>
        domainCommand<RenewPairingLink>(
          'RenewPairingLink',
          { organizationId: ruralOrganizationId, pairingId, endsOn: body.endsOn },
          metadata,
        ),
    });

    // 3.
    return changePairing<RenewPairing>(this.runner, pairingId, 'RenewPairing', data, metadata);
  }
}
