import { Command } from '../shared/decider';
import { FundPurpose, FundSource } from './funds.types';

export type OpenBudget = Command<
  'OpenBudget',
  {
    budgetId: string;
    year: number;
    source: FundSource;
    amountFen: number;
    issuerOrganizationId?: string;
  }
>;

export type IncreaseBudget = Command<
  'IncreaseBudget',
  { budgetId: string; amountFen: number; reason: string }
>;

/** Never below what is allocated from the pool (reserved). */
export type ReduceBudget = Command<
  'ReduceBudget',
  { budgetId: string; amountFen: number; reason: string }
>;

/** Decided with OpenAllocation and appended with it. */
export type ReserveAllocation = Command<
  'ReserveAllocation',
  {
    budgetId: string;
    allocationId: string;
    amountFen: number;
    purpose: FundPurpose;
    recipientOrganizationId: string;
  }
>;

/**
 * Decided with an AllocationReduced / AllocationCancelled event, with the `releaseId` that event
 * carries; a release already applied is a no-op (returns no events).
 */
export type ReleaseAllocation = Command<
  'ReleaseAllocation',
  { budgetId: string; allocationId: string; releaseId: string; amountFen: number; reason: string }
>;

/** Repair (CLI): forget a reservation whose allocation stream holds nothing. */
export type ReleaseOrphanReservation = Command<
  'ReleaseOrphanReservation',
  { budgetId: string; allocationId: string; reason: string }
>;

/** Repair (CLI): the release an allocation's reduction or cancellation never made here. */
export type RecordMissingRelease = Command<
  'RecordMissingRelease',
  { budgetId: string; allocationId: string; releaseId: string; amountFen: number; reason: string }
>;

export type BudgetCommand =
  | OpenBudget
  | IncreaseBudget
  | ReduceBudget
  | ReserveAllocation
  | ReleaseAllocation
  | ReleaseOrphanReservation
  | RecordMissingRelease;
