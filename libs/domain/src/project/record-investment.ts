import {
  requireAmountFen,
  requireDate,
  requireNotInFuture,
  requireOneOf,
  requireTotalFen,
} from '../organization/input.guards';
import { RecordInvestment } from './project.commands';
import { InvestmentRecorded } from './project.events';
import { investmentBeforeStart, projectAlreadyCompleted } from './project.errors';
import { projectRef, requireProject } from './project.guards';
import { ProjectState } from './project.state';
import { INVESTMENT_SOURCES } from './project.vocabulary';

/**
 * Investment into a project, dated from its start up to today and, once the project is
 * completed, up to its completion: a receipt entered late still counts, nothing after the end.
 */
export function recordInvestment(
  command: RecordInvestment,
  state: ProjectState,
): InvestmentRecorded[] {
  const { data, context } = command;
  const project = requireProject(state, data.projectId);
  const amountFen = requireAmountFen(data.amountFen, 'amountFen');
  const source = requireOneOf(data.source, INVESTMENT_SOURCES, 'source');
  const on = requireDate(data.on, 'on');
  requireNotInFuture(on, context.today, 'on');
  if (on < project.startsOn) throw investmentBeforeStart(on, project.startsOn);
  if (project.completedOn !== undefined && on > project.completedOn) {
    throw projectAlreadyCompleted(project.id, project.completedOn);
  }
  const investedFen = requireTotalFen(project.investedFen, amountFen, 'investedFen');
  return [
    {
      type: 'InvestmentRecorded',
      data: {
        ...projectRef(project),
        amountFen,
        on,
        source,
        investedFen,
      },
    },
  ];
}
