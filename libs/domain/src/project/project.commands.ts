import { Command } from '../shared/decider';
import { PairingSummary } from '../pairing/pairing.summary';
import {
  FundingStage,
  InvestmentSource,
  OutputKind,
  OutputUnit,
  ProjectCategory,
  ProjectFundingSource,
} from './project.vocabulary';

/**
 * `pairing` is the pairing's current state, built by the handler with
 * `summarizePairing(pairingId, fold(pairingDecider, events))` (pairing/pairing.summary.ts).
 */
export type LaunchProject = Command<
  'LaunchProject',
  {
    projectId: string;
    pairing: PairingSummary;
    name: string;
    category: ProjectCategory;
    plannedInvestmentFen: number;
    startsOn: string;
  }
>;

export type RecordInvestment = Command<
  'RecordInvestment',
  { projectId: string; amountFen: number; on: string; source: InvestmentSource }
>;

export type CompleteProject = Command<'CompleteProject', { projectId: string; on: string }>;

/**
 * Money secured (争取) for the project or arrived (到位) from a source; what has arrived from a
 * source never exceeds what was secured from it. The same fundingId again is a no-op.
 */
export type RecordProjectFunding = Command<
  'RecordProjectFunding',
  {
    projectId: string;
    fundingId: string;
    source: ProjectFundingSource;
    stage: FundingStage;
    amountFen: number;
    on: string;
    ref?: string;
  }
>;

/** A physical output in the units of its kind. The same outputId again is a no-op. */
export type RecordProjectOutput = Command<
  'RecordProjectOutput',
  {
    projectId: string;
    outputId: string;
    kind: OutputKind;
    quantity: number;
    unit: OutputUnit;
    description?: string;
    on: string;
  }
>;

export type ProjectCommand =
  LaunchProject | RecordInvestment | CompleteProject | RecordProjectFunding | RecordProjectOutput;
