import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Project, projectStreamId } from '@gongjian/domain';
import { DecisionRunner } from '@gongjian/write-side';
import { assertInScopeOfAny } from '../../pairings/pairing-scope';
import { ProjectRecord, projectRecordDecider, requireProject } from '../project-record';
import { GetProjectQuery } from './get-project.query';

/**
 * Answered from the project's stream until the read models arrive. Operators read projects of
 * pairings in their scope (the village's township or the urban organization's).
 */
@QueryHandler(GetProjectQuery)
export class GetProjectHandler implements IQueryHandler<GetProjectQuery> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ projectId, actor }: GetProjectQuery) {
    const { state, revision } = await this.runner.load(
      projectStreamId(projectId),
      projectRecordDecider,
    );
    const project = requireProject(state, projectId);
    assertInScopeOfAny(
      actor,
      [state.ruralTownship, state.urbanTownship].filter((t): t is string => t !== undefined),
    );
    return { ...toProjectView(project, state), revision };
  }
}

function toProjectView(project: Project, record: ProjectRecord) {
  return {
    id: project.id,
    pairingId: project.pairingId,
    urbanOrganizationId: project.urbanOrganizationId,
    ruralOrganizationId: project.ruralOrganizationId,
    ruralTownship: record.ruralTownship,
    name: project.name,
    category: project.category,
    plannedInvestmentFen: project.plannedInvestmentFen,
    investedFen: project.investedFen,
    status: project.status,
    startsOn: project.startsOn,
    lastInvestmentOn: project.lastInvestmentOn,
    completedOn: project.completedOn,
  };
}
