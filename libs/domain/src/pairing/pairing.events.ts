import { DomainEvent } from '../shared/decider';
import { DepartmentKind, Sector, VillageCategory } from '../organization/organization.vocabulary';
import { ActivityType, Commitments, Trainees } from './pairing.vocabulary';

/** Stream `pairing-<id>`. Every event names both organizations. */
type PairingRef = { pairingId: string; urbanOrganizationId: string; ruralOrganizationId: string };

export type BranchPairedData = PairingRef & {
  urbanName: string;
  urbanSector: Sector;
  urbanDepartmentKind?: DepartmentKind;
  urbanTownship: string;
  ruralName: string;
  ruralSector: Sector;
  ruralTownship: string;
  /** The rural organization's categories when the agreement was made. */
  ruralCategories: VillageCategory[];
  contactLeader: { name: string; title: string };
  startsOn: string;
  endsOn: string;
  commitments: Commitments;
  /** What the matching principle required of the rural side; null when no principle applies. */
  requiredCategory: VillageCategory | null;
  principleMatched: boolean;
  /** Present exactly when principleMatched is false. */
  principleOverrideReason?: string;
};

export type ActivityLoggedData = PairingRef & {
  activityId: string;
  type: ActivityType;
  date: string;
  participants: number;
  summary: string;
  /** Trainings only: who was trained, by kind. */
  trainees?: Trainees;
  /** Recorded after the term had ended, within the grace for late entry. */
  enteredLate?: true;
};

export type PairingDissolvedData = PairingRef & { reason: string; on: string };

export type PairingRenewedData = PairingRef & {
  previousEndsOn: string;
  endsOn: string;
  /** Entered after the term had ended, within the late-entry grace. */
  enteredLate?: true;
};

export type CommitmentDeliveredData = PairingRef & { ref: string; on: string } & (
    { kind: 'funds'; amountFen: number } | { kind: 'projects' | 'activists'; count: number }
  );

export type BranchPaired = DomainEvent<'BranchPaired', BranchPairedData>;
export type ActivityLogged = DomainEvent<'ActivityLogged', ActivityLoggedData>;
export type PairingDissolved = DomainEvent<'PairingDissolved', PairingDissolvedData>;
export type PairingRenewed = DomainEvent<'PairingRenewed', PairingRenewedData>;
export type CommitmentDelivered = DomainEvent<'CommitmentDelivered', CommitmentDeliveredData>;

export type PairingEvent =
  BranchPaired | ActivityLogged | PairingDissolved | PairingRenewed | CommitmentDelivered;

export const PAIRING_EVENT_TYPES = [
  'BranchPaired',
  'ActivityLogged',
  'PairingDissolved',
  'PairingRenewed',
  'CommitmentDelivered',
] as const satisfies readonly PairingEvent['type'][];

/** Every organization an event concerns (for the audit trail's organization filter). */
export const organizationIdsOfPairingEvent = (event: PairingEvent): string[] => [
  event.data.urbanOrganizationId,
  event.data.ruralOrganizationId,
];
