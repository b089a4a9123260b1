import { OrganizationEvent } from './organization.events';
import { OrganizationState, RegisteredOrganization } from './organization.state';

export function evolveOrganization(
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
      return { ...state, categories: [...event.data.categories] };
    case 'CollectiveIncomeRecorded':
      return {
        ...state,
        collectiveIncome: { ...state.collectiveIncome, [event.data.year]: event.data.amountFen },
      };
    case 'MemberCountRecorded': {
      const { year, count, ruralCount } = event.data;
      const entry = ruralCount === undefined ? { count } : { count, ruralCount };
      return { ...state, memberCounts: { ...state.memberCounts, [year]: entry } };
    }
    case 'FirstSecretaryAssigned': {
      const { organizationId: _organizationId, ...firstSecretary } = event.data;
      return { ...state, firstSecretary };
    }
    case 'OrganizationDeactivated':
      return { ...state, status: 'inactive', deactivatedOn: event.data.on };
    case 'PairingLinked':
    case 'PairingLinkRestored': {
      const {
        organizationId: _organizationId,
        pairingId,
        urbanOrganizationId,
        startsOn,
        endsOn,
      } = event.data;
      const link = { pairingId, urbanOrganizationId, startsOn, endsOn };
      return { ...state, pairingLinks: { ...state.pairingLinks, [link.pairingId]: link } };
    }
    case 'PairingLinkRenewed': {
      const link = state.pairingLinks[event.data.pairingId];
      if (!link) return state;
      return {
        ...state,
        pairingLinks: {
          ...state.pairingLinks,
          [link.pairingId]: { ...link, endsOn: event.data.endsOn },
        },
      };
    }
    case 'PairingUnlinked':
    case 'OrphanPairingLinkRemoved': {
      const { [event.data.pairingId]: _removed, ...pairingLinks } = state.pairingLinks;
      return { ...state, pairingLinks };
    }
    default:
      return state;
  }
}
