import type { PeriodRange } from '../period';
import type { AllocationFacts, BranchFacts } from '../facts/branch-facts';

/** What an indicator measured for one branch, before points are given. */
export interface Measure {
  value: number;
  target: number;
  evidence: string[];
  /** The input is not on record (e.g. no appraisal): shown as missing, scored 0, never guessed. */
  missing?: true;
  /** Why the measure is what it is when that is not obvious (e.g. `no_pairing`). */
  note?: string;
}

/** Everything an indicator may look at; it reads facts only, never a store. */
export interface MeasureInput {
  branch: BranchFacts;
  range: PeriodRange;
  /** The designations of the branch's activists and development targets at the period's end. */
  reserve: readonly string[];
  /** The period's allocations to the branch that still stand (not cancelled), by id. */
  allocations: readonly AllocationFacts[];
}

/** A deduction counts occurrences, each one with its evidence. */
export interface Occurrences {
  count: number;
  evidence: string[];
}
