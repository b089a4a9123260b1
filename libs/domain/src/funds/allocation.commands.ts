import { Command } from '../shared/decider';
import { PairingSummary } from '../pairing/pairing.summary';
import { FundPurpose, FundSource } from './funds.types';

/** Decided with ReserveAllocation on the budget stream and appended with it (budget.decider.ts). */
export type OpenAllocation = Command<
  'OpenAllocation',
  {
    allocationId: string;
    budgetId: string;
    year: number;
    source: FundSource;
    recipientOrganizationId: string;
    amountFen: number;
    purpose: FundPurpose;
    /** Reference of the collective decision (集体决策); required. */
    decisionRef: string;
    /**
     * Date of that decision: optional (clients before it send none); when given, not in the
     * future, in the budget year or the year before.
     */
    decisionOn?: string;
    pairingId?: string;
    /**
     * The pairing named (directly or through the project), as the handler read it: it must be
     * active or, for `pairingGraceDays` after its term, in late entry, and the recipient one of
     * its two organizations.
     */
    pairing?: PairingSummary;
    pairingGraceDays?: number;
    projectId?: string;
  }
>;

export type RecordDisbursement = Command<
  'RecordDisbursement',
  {
    allocationId: string;
    /** Optional client id; the same id with the same amount again is a no-op. */
    disbursementId?: string;
    amountFen: number;
    on: string;
    ref: string;
  }
>;

export type RecordExpenditure = Command<
  'RecordExpenditure',
  {
    allocationId: string;
    /** Optional client id; the same id with the same amount again is a no-op. */
    expenditureId?: string;
    amountFen: number;
    on: string;
    category: string;
    receiptRef: string;
  }
>;

export type ReduceAllocation = Command<
  'ReduceAllocation',
  { allocationId: string; amountFen: number; reason: string }
>;

export type CancelAllocation = Command<
  'CancelAllocation',
  { allocationId: string; reason: string }
>;

export type AllocationCommand =
  OpenAllocation | RecordDisbursement | RecordExpenditure | ReduceAllocation | CancelAllocation;
