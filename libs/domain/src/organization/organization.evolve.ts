import { OrganizationEvent } from './organization.events';
import { OrganizationState, RegisteredOrganization } from './organization.state';

/** Pure: copies exactly what evolveOrganizationInPlace may update. */
export function evolveOrganization(
  state: OrganizationState,
  event: OrganizationEvent,
): OrganizationState {
  const copy: OrganizationState = state.exists
    ? {
        ...state,
        collectiveIncome: { ...state.collectiveIncome },
        memberCounts: { ...state.memberCounts },
        pairingLinks: { ...state.pairingLinks },
        ...(state.workTeams && { workTeams: { ...state.workTeams } }),
        ...(state.instructors && { instructors: { ...state.instructors } }),
      }
    : state;
  return evolveOrganizationInPlace(copy, event);
}

/**
 * Updates a registered organization in place (the top-level object and its collectiveIncome,
 * memberCounts, pairingLinks, workTeams and instructors maps; entries are replaced, never mutated): for a state its caller
 * owns, so that a fold is linear.
 */
export function evolveOrganizationInPlace(
  state: OrganizationState,
  event: OrganizationEvent,
): OrganizationState {
  if (event.type === 'OrganizationRegistered') {
    const { organizationId, ...rest } = event.data;
    return {
      ...rest,
      exists: true,
      id: organizationId,
      status: 'active',
      categories: [],
      collectiveIncome: {},
      memberCounts: {},
      pairingLinks: {},
    };
  }
  if (!state.exists) return state;
  return evolveRegistered(state, event);
}

function evolveRegistered(
  state: RegisteredOrganization,
  event: OrganizationEvent,
): RegisteredOrganization {
  switch (event.type) {
    case 'VillageCategoriesSet':
      state.categories = [...event.data.categories];
      return state;
    case 'CollectiveIncomeRecorded':
      state.collectiveIncome[event.data.year] = event.data.amountFen;
      return state;
    case 'MemberCountRecorded': {
      const { year, count, ruralCount } = event.data;
      state.memberCounts[year] = ruralCount === undefined ? { count } : { count, ruralCount };
      return state;
    }
    case 'FirstSecretaryAssigned': {
      const {
        organizationId: _organizationId,
        replaces: _replaces,
        ...firstSecretary
      } = event.data;
      state.firstSecretary = firstSecretary;
      return state;
    }
    case 'FirstSecretaryEnded':
      delete state.firstSecretary;
      return state;
    case 'ResidentWorkTeamAssigned': {
      const { organizationId: _organizationId, ...team } = event.data;
      state.workTeams = { ...state.workTeams, [team.teamId]: team };
      return state;
    }
    case 'ResidentWorkTeamEnded': {
      const team = state.workTeams?.[event.data.teamId];
      if (team) {
        const ended = { ...team, endedOn: event.data.on, endReason: event.data.reason };
        state.workTeams = { ...state.workTeams, [team.teamId]: ended };
      }
      return state;
    }
    case 'PartyBuildingInstructorAssigned': {
      const { organizationId: _organizationId, ...instructor } = event.data;
      state.instructors = { ...state.instructors, [instructor.instructorId]: instructor };
      return state;
    }
    case 'PartyBuildingInstructorEnded': {
      const instructor = state.instructors?.[event.data.instructorId];
      if (instructor) {
        const ended = { ...instructor, endedOn: event.data.on, endReason: event.data.reason };
        state.instructors = { ...state.instructors, [instructor.instructorId]: ended };
      }
      return state;
    }
    case 'OrganizationDeactivated':
      state.status = 'inactive';
      state.deactivatedOn = event.data.on;
      return state;
    case 'PairingLinked':
    case 'PairingLinkRestored': {
      const {
        organizationId: _organizationId,
        pairingId,
        urbanOrganizationId,
        startsOn,
        endsOn,
      } = event.data;
      state.pairingLinks[pairingId] = { pairingId, urbanOrganizationId, startsOn, endsOn };
      return state;
    }
    case 'PairingLinkRenewed': {
      const link = state.pairingLinks[event.data.pairingId];
      if (link) state.pairingLinks[link.pairingId] = { ...link, endsOn: event.data.endsOn };
      return state;
    }
    case 'PairingUnlinked':
    case 'OrphanPairingLinkRemoved':
      delete state.pairingLinks[event.data.pairingId];
      return state;
    default:
      return state;
  }
}
