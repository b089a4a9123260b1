import { FundPurpose, FundSource } from './funds.types';

/** Fields every allocation event carries (read models group by them without a lookup). */
export type AllocationRef = {
  allocationId: string;
  budgetId: string;
  year: number;
  source: FundSource;
  purpose: FundPurpose;
  recipientOrganizationId: string;
  pairingId?: string;
  projectId?: string;
};

export type AllocationOpened = {
  type: 'AllocationOpened';
  data: AllocationRef & { amountFen: number; decisionRef: string; decisionOn?: string };
};

export type DisbursementRecorded = {
  type: 'DisbursementRecorded';
  /** disbursedFen: Σ disbursed after this one. */
  data: AllocationRef & {
    disbursementId: string;
    amountFen: number;
    on: string;
    ref: string;
    disbursedFen: number;
  };
};

export type ExpenditureRecorded = {
  type: 'ExpenditureRecorded';
  /** spentFen: Σ spent after this one. */
  data: AllocationRef & {
    expenditureId: string;
    amountFen: number;
    on: string;
    category: string;
    receiptRef: string;
    spentFen: number;
  };
};

export type AllocationReduced = {
  type: 'AllocationReduced';
  /**
   * allocatedFen: the allocation after the reduction. releaseId: pass it with amountFen to
   * ReleaseAllocation on the budget stream.
   */
  data: AllocationRef & {
    amountFen: number;
    reason: string;
    allocatedFen: number;
    releaseId: string;
  };
};

export type AllocationCancelled = {
  type: 'AllocationCancelled';
  /** releasedFen: what was still allocated; release it on the budget with releaseId. */
  data: AllocationRef & { reason: string; releasedFen: number; releaseId: string };
};

export type AllocationEvent =
  | AllocationOpened
  | DisbursementRecorded
  | ExpenditureRecorded
  | AllocationReduced
  | AllocationCancelled;
