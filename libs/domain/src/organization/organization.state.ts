import {
  DepartmentKind,
  OrganizationLevel,
  OrganizationStatus,
  Sector,
  VillageCategory,
} from './organization.vocabulary';

export interface PairingLink {
  pairingId: string;
  urbanOrganizationId: string;
  startsOn: string;
  endsOn: string;
}

export interface FirstSecretary {
  name: string;
  fromOrganizationId?: string;
  startsOn: string;
  endsOn?: string;
}

/** A resident work team (驻村工作队) or a Party-building instructor (党建指导员). */
export interface Dispatch {
  fromOrganizationId?: string;
  startsOn: string;
  endsOn?: string;
  /** Set when the assignment was ended. */
  endedOn?: string;
  endReason?: string;
}

export interface ResidentWorkTeam extends Dispatch {
  teamId: string;
  leaderName: string;
  memberCount?: number;
}

export interface PartyBuildingInstructor extends Dispatch {
  instructorId: string;
  name: string;
}

export interface RegisteredOrganization {
  exists: true;
  id: string;
  name: string;
  level: OrganizationLevel;
  sector: Sector;
  departmentKind?: DepartmentKind;
  township: string;
  parentId?: string;
  status: OrganizationStatus;
  deactivatedOn?: string;
  categories: VillageCategory[];
  /** year → amountFen */
  collectiveIncome: Record<number, number>;
  /** year → counts */
  memberCounts: Record<number, { count: number; ruralCount?: number }>;
  firstSecretary?: FirstSecretary;
  /** Work teams and instructors by id (absent in states folded before they existed). */
  workTeams?: Record<string, ResidentWorkTeam>;
  instructors?: Record<string, PartyBuildingInstructor>;
  /** Pairings linked on this (rural) organization and not unlinked, by pairingId. */
  pairingLinks: Record<string, PairingLink>;
}

export type OrganizationState = { exists: false } | RegisteredOrganization;

export const initialOrganizationState = (): OrganizationState => ({ exists: false });

/** A link still blocks a second pairing with the same urban organization until its term ends. */
export const isLinkActiveOn = (link: PairingLink, today: string): boolean => today <= link.endsOn;

/** Whether a link's term shares a day with `[startsOn, endsOn]`. */
export const overlapsTerm = (link: PairingLink, startsOn: string, endsOn: string): boolean =>
  link.startsOn <= endsOn && startsOn <= link.endsOn;
