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

/** Written by the allocation handler BEFORE it opens the allocation stream. */
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
 * Written AFTER an AllocationReduced / AllocationCancelled event, with the `releaseId` that
 * event carries; a release already applied is a no-op (returns no events).
 */
export type ReleaseAllocation = Command<
  'ReleaseAllocation',
  { budgetId: string; allocationId: string; releaseId: string; amountFen: number; reason: string }
>;

export type BudgetCommand = OpenBudget | IncreaseBudget | ReserveAllocation | ReleaseAllocation;
