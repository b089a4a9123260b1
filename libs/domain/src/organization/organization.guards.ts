import {
  organizationInactive,
  organizationNotFound,
  sectorNotApplicable,
} from './organization.errors';
import { OrganizationState, RegisteredOrganization } from './organization.state';
import { RURAL_SECTORS, Sector, isRuralSector } from './organization.vocabulary';

export function requireRegistered(state: OrganizationState, id: string): RegisteredOrganization {
  if (!state.exists) throw organizationNotFound(id);
  return state;
}

export function requireActive(state: RegisteredOrganization): void {
  if (state.status !== 'active') throw organizationInactive(state.id);
}

/** Village data (categories, collective income, first secretary, pairing links). */
export function requireRuralSector(state: RegisteredOrganization, command: string): void {
  if (!isRuralSector(state.sector)) {
    throw sectorNotApplicable(state.id, state.sector, command, RURAL_SECTORS);
  }
}

export function requireSectorIn(
  state: RegisteredOrganization,
  command: string,
  allowed: readonly Sector[],
): void {
  if (!allowed.includes(state.sector)) {
    throw sectorNotApplicable(state.id, state.sector, command, allowed);
  }
}
