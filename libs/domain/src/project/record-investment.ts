import {
  requireAmountFen,
  requireDate,
  requireNotInFuture,
  requireOneOf,
  requireTotalFen,
} from '../organization/input.guards';
import { RecordInvestment } from './project.commands';
import { investmentBeforeStart } from './project.errors';
import { InvestmentRecorded } from './project.events';
import { projectRef, requireNotCompleted, requireProject } from './project.guards';
import { ProjectState } from './project.state';
import { INVESTMENT_SOURCES } from './project.vocabulary';

/** Investment into a project that is not completed, dated from its start up to today. */
export function recordInvestment(
  command: RecordInvestment,
  state: ProjectState,
): InvestmentRecorded[] {
  const { data, context } = command;
  const project = requireProject(state, data.projectId);
  requireNotCompleted(project);
  const amountFen = requireAmountFen(data.amountFen, 'amountFen');
  const source = requireOneOf(data.source, INVESTMENT_SOURCES, 'source');
  const on = requireDate(data.on, 'on');
  requireNotInFuture(on, context.today, 'on');
  if (on < project.startsOn) throw investmentBeforeStart(on, project.startsOn);
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
