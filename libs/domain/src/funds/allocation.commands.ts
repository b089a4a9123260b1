import { Command } from '../shared/decider';
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
    pairingId?: string;
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
