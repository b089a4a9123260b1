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

export type BudgetReduced = {
  type: 'BudgetReduced';
  /** poolFen: the pool after the reduction, never below what is reserved. */
  data: BudgetRef & { amountFen: number; reason: string; poolFen: number; reservedFen: number };
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

/**
 * Repair of a record left half-done by earlier versions: a reservation whose allocation was
 * never opened. Its amount goes back to the pool and the reservation is forgotten.
 */
export type OrphanReservationReleased = {
  type: 'OrphanReservationReleased';
  data: BudgetRef & {
    allocationId: string;
    amountFen: number;
    reason: string;
    recipientOrganizationId: string;
    reservedFen: number;
  };
};

/**
 * Repair of a record left half-done by earlier versions: a reduction or cancellation of the
 * allocation that the budget never released. Applied as that release, under its releaseId.
 */
export type MissingReleaseRecorded = {
  type: 'MissingReleaseRecorded';
  data: BudgetRef & {
    allocationId: string;
    releaseId: string;
    amountFen: number;
    reason: string;
    recipientOrganizationId: string;
    reservedFen: number;
  };
};

export type BudgetEvent =
  | BudgetOpened
  | BudgetIncreased
  | BudgetReduced
  | AllocationReserved
  | AllocationReleased
  | OrphanReservationReleased
  | MissingReleaseRecorded;
