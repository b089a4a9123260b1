import { ProjectEvent } from './project.events';
import { ProjectState } from './project.state';

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectLaunched': {
      const d = event.data;
      return {
        exists: true,
        id: d.projectId,
        pairingId: d.pairingId,
        urbanOrganizationId: d.urbanOrganizationId,
        ruralOrganizationId: d.ruralOrganizationId,
        name: d.name,
        category: d.category,
        plannedInvestmentFen: d.plannedInvestmentFen,
        investedFen: 0,
        startsOn: d.startsOn,
        status: 'in_progress',
      };
    }
    case 'InvestmentRecorded': {
      if (!state.exists) return state;
      const { amountFen, on } = event.data;
      return {
        ...state,
        investedFen: state.investedFen + amountFen,
        lastInvestmentOn:
          state.lastInvestmentOn === undefined || on > state.lastInvestmentOn
            ? on
            : state.lastInvestmentOn,
      };
    }
    case 'ProjectCompleted':
      if (!state.exists) return state;
      return { ...state, status: 'completed', completedOn: event.data.on };
  }
}
