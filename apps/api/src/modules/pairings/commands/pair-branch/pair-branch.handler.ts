import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  LinkPairing,
  organizationDecider,
  organizationStreamId,
  OrganizationSummary,
  PairBranch,
  pairingDecider,
  pairingStreamId,
  summarizeOrganization,
  UnlinkPairing,
} from '@gongjian/domain';
import {
  CommandMetadata,
  CommandResult,
  DecisionRunner,
  domainCommand,
  IdempotencyKeyReusedError,
  PreconditionFailedError,
  resourceIdFor,
} from '@gongjian/write-side';
import { assertInScopeOfAny } from '../../pairing-scope';
import { pairingRolledBack } from '../../pairings.errors';
import { PairBranchCommand } from './pair-branch.command';

/**
 * 结对 spans two streams. "At most one active pairing per (urban, rural) pair" is kept on the
 * RURAL organization's stream (libs/domain/src/organization/link-pairing.ts), so the order is:
 *
 *   0. pairingId = body.id ?? resourceIdFor(commandId, 'pairing'). If the pairing stream already
 *      holds this command's event, this is a retry: answer what was answered then.
 *   1. Load both organizations and the pairing stream; check the operator's scope (the rural or
 *      the urban township) and If-Match; decide PairBranch without appending. Every refusal
 *      (404 unknown organization, 422 PRINCIPLE_MISMATCH, PAIRING_ALREADY_EXISTS, …) happens
 *      here, before anything is written.
 *   2. LinkPairing on `organization-<ruralId>`, appended with the stream's expected revision: of
 *      concurrent requests for the same pair one links, the others conflict, re-decide and are
 *      refused PAIRING_ALREADY_ACTIVE (422). Nothing is written for them.
 *   3. PairBranch on `pairing-<pairingId>`: the answer of the request.
 *   4. If 3 fails, UnlinkPairing (reason `pairing_not_created`) on the rural stream, under a
 *      command id derived from this one, then rethrow. Skipped when the link was not written by
 *      this command (another request holds it) or when the pairing exists after all.
 *
 * A retry with the same Idempotency-Key re-runs 1–3: step 2 answers from the stream instead of
 * linking twice, so a request interrupted between 2 and 3 completes on retry. A retry of a
 * request that was rolled back in 4 is refused PAIRING_ROLLED_BACK (its link is spent).
 */
@CommandHandler(PairBranchCommand)
export class PairBranchHandler implements ICommandHandler<PairBranchCommand> {
  private readonly logger = new Logger(PairBranchHandler.name);

  constructor(private readonly runner: DecisionRunner) {}

  async execute({ body, metadata }: PairBranchCommand): Promise<CommandResult> {
    const pairingId = body.id ?? resourceIdFor(metadata.commandId, 'pairing');
    const pairingStream = pairingStreamId(pairingId);
    const ruralStream = organizationStreamId(body.ruralOrganizationId);

    // 0. A retry of a request that created the pairing.
    const earlier = await this.runner.previousResult(pairingId, pairingStream, metadata);
    if (earlier) return earlier;

    // 1. Every check, nothing written.
    const [urban, rural, pairing] = await Promise.all([
      this.organization(body.urbanOrganizationId),
      this.organization(body.ruralOrganizationId),
      this.runner.load(pairingStream, pairingDecider),
    ]);
    assertInScopeOfAny(
      metadata.actor,
      [rural, urban].flatMap((o) => (o.exists ? [o.township] : [])),
    );
    if (metadata.ifMatch !== undefined && metadata.ifMatch !== pairing.revision) {
      throw new PreconditionFailedError(pairingStream, metadata.ifMatch, pairing.revision);
    }
    const pairBranch = domainCommand<PairBranch>(
      'PairBranch',
      {
        pairingId,
        urban,
        rural,
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
    );
    pairingDecider.decide(pairBranch, pairing.state);
    const rollback = rollbackMetadata(metadata);
    if (await this.runner.previousResult(pairingId, ruralStream, rollback)) {
      throw pairingRolledBack(pairingId);
    }

    // 2. The link that keeps one active pairing per pair.
    const link = await this.runner.run({
      id: pairingId,
      streamId: ruralStream,
      decider: organizationDecider,
      metadata,
      ignoreIfMatch: true,
      command: () =>
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
    });

    // 3. The pairing itself.
    try {
      return await this.runner.run({
        id: pairingId,
        streamId: pairingStream,
        decider: pairingDecider,
        metadata,
        ignoreIfMatch: true,
        command: () => pairBranch,
      });
    } catch (error) {
      // 4. Undo this command's link, then report the failure.
      if (!(error instanceof IdempotencyKeyReusedError) && link.eventIds.length > 0) {
        await this.rollBackLink(pairingId, body.ruralOrganizationId, rollback);
      }
      throw error;
    }
  }

  private async organization(id: string): Promise<OrganizationSummary> {
    const { state } = await this.runner.load(organizationStreamId(id), organizationDecider);
    return summarizeOrganization(id, state);
  }

  private async rollBackLink(
    pairingId: string,
    ruralOrganizationId: string,
    rollback: CommandMetadata,
  ): Promise<void> {
    try {
      const { state } = await this.runner.load(pairingStreamId(pairingId), pairingDecider);
      if (state.exists) return;
      await this.runner.run({
        id: pairingId,
        streamId: organizationStreamId(ruralOrganizationId),
        decider: organizationDecider,
        metadata: rollback,
        ignoreIfMatch: true,
        command: () =>
          domainCommand<UnlinkPairing>(
            'UnlinkPairing',
            { organizationId: ruralOrganizationId, pairingId, reason: 'pairing_not_created' },
            rollback,
          ),
      });
    } catch (failure) {
      // The link stays and blocks this pair until its end date; a retry with the same
      // Idempotency-Key creates the pairing it belongs to.
      this.logger.error(
        `pairing ${pairingId}: could not undo the link on ${ruralOrganizationId}: ${String(failure)}`,
      );
    }
  }
}

/** The rollback is its own command (derived id): the runner would answer the link's command. */
function rollbackMetadata(metadata: CommandMetadata): CommandMetadata {
  return { ...metadata, commandId: resourceIdFor(metadata.commandId, 'pairing-link-rollback') };
}
