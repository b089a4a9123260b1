import { PairingEvent } from './pairing.events';
import { Pairing, PairingState, deliveryKey } from './pairing.state';

/** Pure: copies exactly what evolvePairingInPlace may update. */
export function evolvePairing(state: PairingState, event: PairingEvent): PairingState {
  const copy: PairingState = state.exists
    ? { ...state, activities: { ...state.activities }, deliveryRefs: { ...state.deliveryRefs } }
    : state;
  return evolvePairingInPlace(copy, event);
}

/**
 * Updates a pairing in place (the top-level object and its activities and deliveryRefs maps;
 * entries are replaced, never mutated): for a state its caller owns, so that a fold is linear.
 */
export function evolvePairingInPlace(state: PairingState, event: PairingEvent): PairingState {
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
      const { activityId, type, date, participants, summary, trainees } = event.data;
      state.activities[activityId] = {
        type,
        date,
        participants,
        summary,
        ...(trainees !== undefined && { trainees }),
      };
      if (state.lastActivityOn === undefined || date > state.lastActivityOn) {
        state.lastActivityOn = date;
      }
      return state;
    }
    case 'PairingDissolved':
      state.dissolvedOn = event.data.on;
      return state;
    case 'PairingRenewed':
      state.endsOn = event.data.endsOn;
      return state;
    case 'CommitmentDelivered': {
      const d = event.data;
      state.delivered =
        d.kind === 'funds'
          ? { ...state.delivered, fundsFen: state.delivered.fundsFen + d.amountFen }
          : { ...state.delivered, [d.kind]: state.delivered[d.kind] + d.count };
      state.deliveryRefs[deliveryKey(d.kind, d.ref)] = true;
      return state;
    }
    default:
      return state;
  }
}
