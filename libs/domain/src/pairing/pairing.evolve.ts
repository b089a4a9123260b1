import { PairingEvent } from './pairing.events';
import { Pairing, PairingState, deliveryKey } from './pairing.state';

export function evolvePairing(state: PairingState, event: PairingEvent): PairingState {
  if (event.type === 'BranchPaired') {
    const d = event.data;
    return {
      exists: true,
      id: d.pairingId,
      urbanOrganizationId: d.urbanOrganizationId,
      ruralOrganizationId: d.ruralOrganizationId,
      urbanTownship: d.urbanTownship,
      ruralTownship: d.ruralTownship,
      startsOn: d.startsOn,
      endsOn: d.endsOn,
      principleMatched: d.principleMatched,
      commitments: { ...d.commitments },
      delivered: { fundsFen: 0, projects: 0, activists: 0 },
      activities: {},
      deliveryRefs: {},
    };
  }
  if (!state.exists) return state;
  return evolveExisting(state, event);
}

function evolveExisting(state: Pairing, event: PairingEvent): Pairing {
  switch (event.type) {
    case 'ActivityLogged': {
      const { activityId, type, date, participants, summary } = event.data;
      return {
        ...state,
        activities: { ...state.activities, [activityId]: { type, date, participants, summary } },
        lastActivityOn:
          state.lastActivityOn === undefined || date > state.lastActivityOn
            ? date
            : state.lastActivityOn,
      };
    }
    case 'PairingDissolved':
      return { ...state, dissolvedOn: event.data.on };
    case 'PairingRenewed':
      return { ...state, endsOn: event.data.endsOn };
    case 'CommitmentDelivered': {
      const d = event.data;
      const delivered =
        d.kind === 'funds'
          ? { ...state.delivered, fundsFen: state.delivered.fundsFen + d.amountFen }
          : { ...state.delivered, [d.kind]: state.delivered[d.kind] + d.count };
      return {
        ...state,
        delivered,
        deliveryRefs: { ...state.deliveryRefs, [deliveryKey(d.kind, d.ref)]: true },
      };
    }
    default:
      return state;
  }
}
