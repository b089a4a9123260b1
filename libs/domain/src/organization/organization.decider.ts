import { Decider } from '../shared/decider';
import { assignFirstSecretary } from './assign-first-secretary';
import { deactivateOrganization } from './deactivate-organization';
import { endFirstSecretary } from './end-first-secretary';
import {
  assignPartyBuildingInstructor,
  endPartyBuildingInstructor,
} from './party-building-instructor';
import { assignResidentWorkTeam, endResidentWorkTeam } from './resident-work-team';
import {
  linkPairing,
  removeOrphanPairingLink,
  renewPairingLink,
  restorePairingLink,
  unlinkPairing,
} from './link-pairing';
import { OrganizationCommand } from './organization.commands';
import { OrganizationEvent } from './organization.events';
import { evolveOrganization, evolveOrganizationInPlace } from './organization.evolve';
import { OrganizationState, initialOrganizationState } from './organization.state';
import { recordCollectiveIncome } from './record-collective-income';
import { recordMemberCount } from './record-member-count';
import { registerOrganization } from './register-organization';
import { setVillageCategories } from './set-village-categories';

export const organizationStreamId = (organizationId: string) => `organization-${organizationId}`;

export function decideOrganization(
  command: OrganizationCommand,
  state: OrganizationState,
): OrganizationEvent[] {
  switch (command.type) {
    case 'RegisterOrganization':
      return registerOrganization(command, state);
    case 'SetVillageCategories':
      return setVillageCategories(command, state);
    case 'RecordCollectiveIncome':
      return recordCollectiveIncome(command, state);
    case 'RecordMemberCount':
      return recordMemberCount(command, state);
    case 'AssignFirstSecretary':
      return assignFirstSecretary(command, state);
    case 'EndFirstSecretary':
      return endFirstSecretary(command, state);
    case 'AssignResidentWorkTeam':
      return assignResidentWorkTeam(command, state);
    case 'EndResidentWorkTeam':
      return endResidentWorkTeam(command, state);
    case 'AssignPartyBuildingInstructor':
      return assignPartyBuildingInstructor(command, state);
    case 'EndPartyBuildingInstructor':
      return endPartyBuildingInstructor(command, state);
    case 'DeactivateOrganization':
      return deactivateOrganization(command, state);
    case 'LinkPairing':
      return linkPairing(command, state);
    case 'RenewPairingLink':
      return renewPairingLink(command, state);
    case 'UnlinkPairing':
      return unlinkPairing(command, state);
    case 'RemoveOrphanPairingLink':
      return removeOrphanPairingLink(command, state);
    case 'RestorePairingLink':
      return restorePairingLink(command, state);
  }
}

export const organizationDecider: Decider<
  OrganizationCommand,
  OrganizationState,
  OrganizationEvent
> = {
  decide: decideOrganization,
  evolve: evolveOrganization,
  evolveInPlace: evolveOrganizationInPlace,
  initialState: initialOrganizationState,
};
