import { ProjectEvent } from './project.events';
import { ProjectState } from './project.state';
import { fundingFingerprint } from './record-funding';

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
    case 'ProjectFundingRecorded': {
      if (!state.exists) return state;
      const d = event.data;
      return {
        ...state,
        funding: {
          ...state.funding,
          [d.source]: { securedFen: d.sourceSecuredFen, arrivedFen: d.sourceArrivedFen },
        },
        fundingRecords: { ...state.fundingRecords, [d.fundingId]: fundingFingerprint(d) },
      };
    }
    case 'ProjectOutputRecorded': {
      if (!state.exists) return state;
      const { outputId, kind, quantity, unit, description, on } = event.data;
      const output = {
        kind,
        quantity,
        unit,
        on,
        ...(description !== undefined && { description }),
      };
      return { ...state, outputs: { ...state.outputs, [outputId]: output } };
    }
  }
}
