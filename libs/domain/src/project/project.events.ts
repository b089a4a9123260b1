import { DomainEvent } from '../shared/decider';
import {
  FundingStage,
  InvestmentSource,
  OutputKind,
  OutputUnit,
  ProjectCategory,
  ProjectFundingSource,
} from './project.vocabulary';

/** Stream `project-<id>`. Every event names the pairing and both organizations. */
type ProjectRef = {
  projectId: string;
  pairingId: string;
  urbanOrganizationId: string;
  ruralOrganizationId: string;
};

export type ProjectLaunchedData = ProjectRef & {
  urbanTownship: string;
  ruralTownship: string;
  name: string;
  category: ProjectCategory;
  plannedInvestmentFen: number;
  startsOn: string;
};

export type InvestmentRecordedData = ProjectRef & {
  amountFen: number;
  on: string;
  source: InvestmentSource;
  /** Total invested in the project after this investment. */
  investedFen: number;
};

export type ProjectCompletedData = ProjectRef & {
  on: string;
  plannedInvestmentFen: number;
  investedFen: number;
};

export type ProjectFundingRecordedData = ProjectRef & {
  fundingId: string;
  source: ProjectFundingSource;
  stage: FundingStage;
  amountFen: number;
  on: string;
  ref?: string;
  /** The source's totals after this record. */
  sourceSecuredFen: number;
  sourceArrivedFen: number;
};

export type ProjectOutputRecordedData = ProjectRef & {
  outputId: string;
  kind: OutputKind;
  quantity: number;
  unit: OutputUnit;
  description?: string;
  on: string;
};

export type ProjectLaunched = DomainEvent<'ProjectLaunched', ProjectLaunchedData>;
export type InvestmentRecorded = DomainEvent<'InvestmentRecorded', InvestmentRecordedData>;
export type ProjectCompleted = DomainEvent<'ProjectCompleted', ProjectCompletedData>;

export type ProjectFundingRecorded = DomainEvent<
  'ProjectFundingRecorded',
  ProjectFundingRecordedData
>;
export type ProjectOutputRecorded = DomainEvent<'ProjectOutputRecorded', ProjectOutputRecordedData>;

export type ProjectEvent =
  | ProjectLaunched
  | InvestmentRecorded
  | ProjectCompleted
  | ProjectFundingRecorded
  | ProjectOutputRecorded;

export const PROJECT_EVENT_TYPES = [
  'ProjectLaunched',
  'InvestmentRecorded',
  'ProjectCompleted',
  'ProjectFundingRecorded',
  'ProjectOutputRecorded',
] as const satisfies readonly ProjectEvent['type'][];

/** Every organization an event concerns (for the audit trail's organization filter). */
export const organizationIdsOfProjectEvent = (event: ProjectEvent): string[] => [
  event.data.urbanOrganizationId,
  event.data.ruralOrganizationId,
];
