import { Command } from '../shared/decider';
import { PairingSummary } from '../pairing/pairing.summary';
import { InvestmentSource, ProjectCategory } from './project.vocabulary';

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

export type ProjectCommand = LaunchProject | RecordInvestment | CompleteProject;
