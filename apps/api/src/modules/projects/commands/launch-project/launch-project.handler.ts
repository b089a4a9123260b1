import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  LaunchProject,
  pairingDecider,
  pairingStreamId,
  projectStreamId,
  RecordCommitmentDelivery,
  summarizePairing,
} from '@gongjian/domain';
import { assertInScope } from '../../../../http/auth/township-scope';
import {
  CommandResult,
  DecisionRunner,
  domainCommand,
  resourceIdFor,
  shanghaiDate,
  shanghaiMidnight,
} from '@gongjian/write-side';
import { projectRecordDecider } from '../../project-record';
import { LaunchProjectCommand } from './launch-project.command';

/**
 * Two streams, in this order:
 *   1. load the pairing and summarize it; 403 unless its village's township is in scope;
 *      LaunchProject on `project-<id>` (every refusal happens here, before anything is written;
 *      the answer of the request);
 *   2. RecordCommitmentDelivery (kind `projects`, count 1, ref = projectId) on the pairing's
 *      stream, dated the project's start (today if it starts later).
 * Both under the request's command id: a retry with the same Idempotency-Key answers 1 from the
 * stream and completes 2 if it was interrupted; the delivery's ref keeps it counted once.
 */
@CommandHandler(LaunchProjectCommand)
export class LaunchProjectHandler implements ICommandHandler<LaunchProjectCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ body, metadata }: LaunchProjectCommand): Promise<CommandResult> {
    const projectId = body.id ?? resourceIdFor(metadata.commandId, 'project');
    const pairingStream = pairingStreamId(body.pairingId);

    // 1.
    const { state } = await this.runner.load(pairingStream, pairingDecider);
    const pairing = summarizePairing(body.pairingId, state);
    if (pairing.exists) assertInScope(metadata.actor, pairing.ruralTownship);
    const launched = await this.runner.run({
      id: projectId,
      streamId: projectStreamId(projectId),
      decider: projectRecordDecider,
      metadata,
      command: () =>
        domainCommand<LaunchProject>(
          'LaunchProject',
          {
            projectId,
            pairing,
            name: body.name,
            category: body.category,
            plannedInvestmentFen: body.plannedInvestmentFen,
            startsOn: body.startsOn,
          },
          metadata,
        ),
    });

    // 2.
    const today = shanghaiDate(metadata.now);
    const on = body.startsOn < today ? body.startsOn : today;
    await this.runner.run({
      id: body.pairingId,
      streamId: pairingStream,
      decider: pairingDecider,
      metadata,
      occurredAt: shanghaiMidnight(on),
      ignoreIfMatch: true,
      command: () =>
        domainCommand<RecordCommitmentDelivery>(
          'RecordCommitmentDelivery',
          { pairingId: body.pairingId, kind: 'projects', count: 1, ref: projectId, on },
          metadata,
        ),
    });
    return launched;
  }
}
