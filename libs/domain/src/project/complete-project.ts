import { requireDate, requireNotInFuture } from '../organization/input.guards';
import { CompleteProject } from './project.commands';
import { completionBeforeLastInvestment, completionBeforeStart } from './project.errors';
import { ProjectCompleted } from './project.events';
import { projectRef, requireNotCompleted, requireProject } from './project.guards';
import { ProjectState } from './project.state';

/** Completes a project once: not before its start, its last investment, nor after today. */
export function completeProject(command: CompleteProject, state: ProjectState): ProjectCompleted[] {
  const { data, context } = command;
  const project = requireProject(state, data.projectId);
  requireNotCompleted(project);
  const on = requireDate(data.on, 'on');
  requireNotInFuture(on, context.today, 'on');
  if (on < project.startsOn) throw completionBeforeStart(on, project.startsOn);
  if (project.lastInvestmentOn !== undefined && on < project.lastInvestmentOn) {
    throw completionBeforeLastInvestment(on, project.lastInvestmentOn);
  }
  return [
    {
      type: 'ProjectCompleted',
      data: {
        ...projectRef(project),
        on,
        plannedInvestmentFen: project.plannedInvestmentFen,
        investedFen: project.investedFen,
      },
    },
  ];
}
