import { FundPurpose, FundSource } from './funds.types';

/** Fields every budget event carries, so read models and audits need no lookup. */
type BudgetRef = {
  budgetId: string;
  year: number;
  source: FundSource;
  issuerOrganizationId?: string;
};

export type BudgetOpened = {
  type: 'BudgetOpened';
  data: BudgetRef & { amountFen: number };
};

export type BudgetIncreased = {
  type: 'BudgetIncreased';
  /** poolFen: the pool after the increase. */
  data: BudgetRef & { amountFen: number; reason: string; poolFen: number };
};

export type AllocationReserved = {
  type: 'AllocationReserved';
  /** reservedFen: Σ reserved on this budget after the reservation. */
  data: BudgetRef & {
    allocationId: string;
    amountFen: number;
    purpose: FundPurpose;
    recipientOrganizationId: string;
    reservedFen: number;
    poolFen: number;
  };
};

export type AllocationReleased = {
  type: 'AllocationReleased';
  data: BudgetRef & {
    allocationId: string;
    releaseId: string;
    amountFen: number;
    reason: string;
    recipientOrganizationId: string;
    reservedFen: number;
  };
};

export type BudgetEvent = BudgetOpened | BudgetIncreased | AllocationReserved | AllocationReleased;
