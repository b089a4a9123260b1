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
 * ProjectLaunched on `project-<id>` (the answer) and RecordCommitmentDelivery (kind `projects`,
 * count 1, ref = projectId) on the pairing's stream, dated the project's start (today if it
 * starts later), decided together and appended at once. 403 unless the pairing's village lies in
 * the operator's townships.
 */
@CommandHandler(LaunchProjectCommand)
export class LaunchProjectHandler implements ICommandHandler<LaunchProjectCommand> {
  constructor(private readonly runner: DecisionRunner) {}

  execute({ body, metadata }: LaunchProjectCommand): Promise<CommandResult> {
    const projectId = body.id ?? resourceIdFor(metadata.commandId, 'project');
    const pairingStream = pairingStreamId(body.pairingId);
    const projectStream = projectStreamId(projectId);
    const today = shanghaiDate(metadata.now);
    const on = body.startsOn < today ? body.startsOn : today;

    return this.runner.runAcross({
      id: projectId,
      streamId: projectStream,
      metadata,
      decide: async (session) => {
        const state = await session.state(pairingStream, pairingDecider);
        const pairing = summarizePairing(body.pairingId, state);
        if (pairing.exists) assertInScope(metadata.actor, pairing.ruralTownship);
        await session.decide(projectStream, projectRecordDecider, () =>
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
        );
        await session.decide(
          pairingStream,
          pairingDecider,
          () =>
            domainCommand<RecordCommitmentDelivery>(
              'RecordCommitmentDelivery',
              { pairingId: body.pairingId, kind: 'projects', count: 1, ref: projectId, on },
              metadata,
            ),
          { occurredAt: shanghaiMidnight(on) },
        );
      },
    });
  }
}
