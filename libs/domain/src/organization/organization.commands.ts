import { Command } from '../shared/decider';
import {
  DepartmentKind,
  OrganizationLevel,
  Sector,
  VillageCategory,
} from './organization.vocabulary';

/** `id` becomes the stream `organization-<id>`. */
export type RegisterOrganization = Command<
  'RegisterOrganization',
  {
    id: string;
    name: string;
    level: OrganizationLevel;
    sector: Sector;
    /** Required for `organ`, optional for `institution`, refused for every other sector. */
    departmentKind?: DepartmentKind;
    township: string;
    parentId?: string;
    /**
     * The parent as the handler read it (OrganizationSummary), when parentId is given: a township
     * committee's branches lie in its township.
     */
    parent?: { sector: Sector; township: string };
  }
>;

/** Villages and communities only. Replaces the whole set; an empty list clears it. */
export type SetVillageCategories = Command<
  'SetVillageCategories',
  { organizationId: string; categories: VillageCategory[]; reason: string }
>;

/** Villages and communities only. `amountFen` may be 0; a second figure for a year corrects it. */
export type RecordCollectiveIncome = Command<
  'RecordCollectiveIncome',
  { organizationId: string; year: number; amountFen: number }
>;

export type RecordMemberCount = Command<
  'RecordMemberCount',
  { organizationId: string; year: number; count: number; ruralCount?: number }
>;

/**
 * Villages and communities only. While another is assigned, the new one replaces it: that
 * assignment ends on the new start (`replaces`, when given, must name it).
 */
export type AssignFirstSecretary = Command<
  'AssignFirstSecretary',
  {
    organizationId: string;
    name: string;
    fromOrganizationId?: string;
    startsOn: string;
    endsOn?: string;
    replaces?: string;
  }
>;

/** Ends the current first secretary's assignment, on a date from its start up to today. */
export type EndFirstSecretary = Command<
  'EndFirstSecretary',
  { organizationId: string; on: string; reason: string }
>;

/** 驻村工作队: villages and communities. */
export type AssignResidentWorkTeam = Command<
  'AssignResidentWorkTeam',
  {
    organizationId: string;
    teamId: string;
    leaderName: string;
    memberCount?: number;
    fromOrganizationId?: string;
    startsOn: string;
    endsOn?: string;
  }
>;

export type EndResidentWorkTeam = Command<
  'EndResidentWorkTeam',
  { organizationId: string; teamId: string; on: string; reason: string }
>;

/** 党建指导员: villages, communities and 两新 organizations. */
export type AssignPartyBuildingInstructor = Command<
  'AssignPartyBuildingInstructor',
  {
    organizationId: string;
    instructorId: string;
    name: string;
    fromOrganizationId?: string;
    startsOn: string;
    endsOn?: string;
  }
>;

export type EndPartyBuildingInstructor = Command<
  'EndPartyBuildingInstructor',
  { organizationId: string; instructorId: string; on: string; reason: string }
>;

export type DeactivateOrganization = Command<
  'DeactivateOrganization',
  { organizationId: string; reason: string; on: string }
>;

/** Sent to the RURAL organization's stream by the PairBranch handler (see link-pairing.ts). */
export type LinkPairing = Command<
  'LinkPairing',
  {
    organizationId: string;
    pairingId: string;
    urbanOrganizationId: string;
    startsOn: string;
    endsOn: string;
  }
>;

/** Sent to the RURAL organization's stream by the RenewPairing handler. */
export type RenewPairingLink = Command<
  'RenewPairingLink',
  { organizationId: string; pairingId: string; endsOn: string }
>;

/** Sent to the RURAL organization's stream when a pairing is dissolved. */
export type UnlinkPairing = Command<
  'UnlinkPairing',
  { organizationId: string; pairingId: string; reason?: string }
>;

/** Repair (CLI): remove a link whose pairing stream holds nothing. */
export type RemoveOrphanPairingLink = Command<
  'RemoveOrphanPairingLink',
  { organizationId: string; pairingId: string; reason: string }
>;

/** Repair (CLI): the link of a pairing that exists without one. */
export type RestorePairingLink = Command<
  'RestorePairingLink',
  {
    organizationId: string;
    pairingId: string;
    urbanOrganizationId: string;
    startsOn: string;
    endsOn: string;
    reason: string;
  }
>;

export type OrganizationCommand =
  | RegisterOrganization
  | SetVillageCategories
  | RecordCollectiveIncome
  | RecordMemberCount
  | AssignFirstSecretary
  | EndFirstSecretary
  | AssignResidentWorkTeam
  | EndResidentWorkTeam
  | AssignPartyBuildingInstructor
  | EndPartyBuildingInstructor
  | DeactivateOrganization
  | LinkPairing
  | RenewPairingLink
  | UnlinkPairing
  | RemoveOrphanPairingLink
  | RestorePairingLink;
