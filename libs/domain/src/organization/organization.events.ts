import { DomainEvent } from '../shared/decider';
import {
  DepartmentKind,
  OrganizationLevel,
  Sector,
  VillageCategory,
} from './organization.vocabulary';

/** Stream `organization-<id>`. Every event names its organization in `organizationId`. */
export type OrganizationRegisteredData = {
  organizationId: string;
  name: string;
  level: OrganizationLevel;
  sector: Sector;
  /** Organs always, institutions when they name one. */
  departmentKind?: DepartmentKind;
  township: string;
  parentId?: string;
};

export type VillageCategoriesSetData = {
  organizationId: string;
  /** The full new set (sorted), replacing the previous one. */
  categories: VillageCategory[];
  previousCategories: VillageCategory[];
  added: VillageCategory[];
  removed: VillageCategory[];
  reason: string;
};

export type CollectiveIncomeRecordedData = {
  organizationId: string;
  year: number;
  amountFen: number;
  /** Present when this corrects an earlier figure for the same year. */
  previousAmountFen?: number;
};

export type MemberCountRecordedData = {
  organizationId: string;
  year: number;
  count: number;
  ruralCount?: number;
};

export type FirstSecretaryAssignedData = {
  organizationId: string;
  name: string;
  /** The dispatching organization, when known. */
  fromOrganizationId?: string;
  startsOn: string;
  endsOn?: string;
  /** The name of the first secretary this one replaces (ended by the same command). */
  replaces?: string;
};

/** The end of a first secretary's assignment: ended by hand, or by the arrival of a successor. */
export type FirstSecretaryEndedData = {
  organizationId: string;
  name: string;
  fromOrganizationId?: string;
  startsOn: string;
  endedOn: string;
  reason: string;
  /** Present when a new assignment replaced this one. */
  replacedBy?: string;
};

/** 驻村工作队 / 党建指导员: people dispatched to a village (or a 两新 organization). */
type DispatchData = {
  organizationId: string;
  fromOrganizationId?: string;
  startsOn: string;
  endsOn?: string;
};

export type ResidentWorkTeamAssignedData = DispatchData & {
  teamId: string;
  leaderName: string;
  memberCount?: number;
};

export type PartyBuildingInstructorAssignedData = DispatchData & {
  instructorId: string;
  name: string;
};

type DispatchEndData = { organizationId: string; on: string; reason: string };
export type ResidentWorkTeamEndedData = DispatchEndData & { teamId: string };
export type PartyBuildingInstructorEndedData = DispatchEndData & { instructorId: string };

export type OrganizationDeactivatedData = {
  organizationId: string;
  reason: string;
  on: string;
};

/** On the RURAL organization's stream: it holds the active pairing links of that organization. */
export type PairingLinkedData = {
  /** The rural organization (stream owner). */
  organizationId: string;
  pairingId: string;
  urbanOrganizationId: string;
  startsOn: string;
  endsOn: string;
};

export type PairingLinkRenewedData = {
  organizationId: string;
  pairingId: string;
  urbanOrganizationId: string;
  previousEndsOn: string;
  endsOn: string;
};

export type PairingUnlinkedData = {
  organizationId: string;
  pairingId: string;
  urbanOrganizationId: string;
  reason?: string;
};

/**
 * Repair of a record left half-done by earlier versions: a link whose pairing was never
 * created. Frees the pair as PairingUnlinked does, with the reason on record.
 */
export type OrphanPairingLinkRemovedData = {
  organizationId: string;
  pairingId: string;
  urbanOrganizationId: string;
  reason: string;
};

/**
 * Repair of a record left half-done by earlier versions: a pairing that exists without its link
 * (its link was undone while the pairing was still being written). Links it as PairingLinked
 * would have, with the reason on record.
 */
export type PairingLinkRestoredData = PairingLinkedData & { reason: string };

export type OrganizationRegistered = DomainEvent<
  'OrganizationRegistered',
  OrganizationRegisteredData
>;
export type VillageCategoriesSet = DomainEvent<'VillageCategoriesSet', VillageCategoriesSetData>;
export type CollectiveIncomeRecorded = DomainEvent<
  'CollectiveIncomeRecorded',
  CollectiveIncomeRecordedData
>;
export type MemberCountRecorded = DomainEvent<'MemberCountRecorded', MemberCountRecordedData>;
export type FirstSecretaryAssigned = DomainEvent<
  'FirstSecretaryAssigned',
  FirstSecretaryAssignedData
>;
export type FirstSecretaryEnded = DomainEvent<'FirstSecretaryEnded', FirstSecretaryEndedData>;
export type ResidentWorkTeamAssigned = DomainEvent<
  'ResidentWorkTeamAssigned',
  ResidentWorkTeamAssignedData
>;
export type ResidentWorkTeamEnded = DomainEvent<'ResidentWorkTeamEnded', ResidentWorkTeamEndedData>;
export type PartyBuildingInstructorAssigned = DomainEvent<
  'PartyBuildingInstructorAssigned',
  PartyBuildingInstructorAssignedData
>;
export type PartyBuildingInstructorEnded = DomainEvent<
  'PartyBuildingInstructorEnded',
  PartyBuildingInstructorEndedData
>;
export type OrganizationDeactivated = DomainEvent<
  'OrganizationDeactivated',
  OrganizationDeactivatedData
>;
export type PairingLinked = DomainEvent<'PairingLinked', PairingLinkedData>;
export type PairingLinkRenewed = DomainEvent<'PairingLinkRenewed', PairingLinkRenewedData>;
export type PairingUnlinked = DomainEvent<'PairingUnlinked', PairingUnlinkedData>;
export type PairingLinkRestored = DomainEvent<'PairingLinkRestored', PairingLinkRestoredData>;
export type OrphanPairingLinkRemoved = DomainEvent<
  'OrphanPairingLinkRemoved',
  OrphanPairingLinkRemovedData
>;

export type OrganizationEvent =
  | OrganizationRegistered
  | VillageCategoriesSet
  | CollectiveIncomeRecorded
  | MemberCountRecorded
  | FirstSecretaryAssigned
  | FirstSecretaryEnded
  | ResidentWorkTeamAssigned
  | ResidentWorkTeamEnded
  | PartyBuildingInstructorAssigned
  | PartyBuildingInstructorEnded
  | OrganizationDeactivated
  | PairingLinked
  | PairingLinkRenewed
  | PairingUnlinked
  | OrphanPairingLinkRemoved
  | PairingLinkRestored;

export const ORGANIZATION_EVENT_TYPES = [
  'OrganizationRegistered',
  'VillageCategoriesSet',
  'CollectiveIncomeRecorded',
  'MemberCountRecorded',
  'FirstSecretaryAssigned',
  'FirstSecretaryEnded',
  'ResidentWorkTeamAssigned',
  'ResidentWorkTeamEnded',
  'PartyBuildingInstructorAssigned',
  'PartyBuildingInstructorEnded',
  'OrganizationDeactivated',
  'PairingLinked',
  'PairingLinkRenewed',
  'PairingUnlinked',
  'OrphanPairingLinkRemoved',
  'PairingLinkRestored',
] as const satisfies readonly OrganizationEvent['type'][];

/** Every organization an event concerns (for the audit trail's organization filter). */
export function organizationIdsOfOrganizationEvent(event: OrganizationEvent): string[] {
  switch (event.type) {
    case 'OrganizationRegistered':
      return unique([event.data.organizationId, event.data.parentId]);
    case 'FirstSecretaryAssigned':
    case 'FirstSecretaryEnded':
    case 'ResidentWorkTeamAssigned':
    case 'PartyBuildingInstructorAssigned':
      return unique([event.data.organizationId, event.data.fromOrganizationId]);
    case 'PairingLinked':
    case 'PairingLinkRenewed':
    case 'PairingUnlinked':
    case 'OrphanPairingLinkRemoved':
    case 'PairingLinkRestored':
      return unique([event.data.organizationId, event.data.urbanOrganizationId]);
    default:
      return [event.data.organizationId];
  }
}

function unique(ids: (string | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}
