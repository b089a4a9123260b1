/** What the engine knows of one organization for one period, folded from the log. */
export interface BranchFacts {
  organizationId: string;
  name: string;
  sector: string;
  township: string;
  /** Business date of the registration. */
  registeredOn: string;
  deactivatedOn?: string;
  categories: string[];
  categoriesEvidence: string[];
  /** Collective income recorded for the period's year (the latest correction). */
  collectiveIncome?: { amountFen: number; eventId: string };
  /** Party members recorded for the period's year. */
  memberCount?: { count: number; eventId: string };
  /** Pairings in which this organization is the rural side. */
  pairings: Map<string, PairingFacts>;
  /** Collective activity days dated in the period. */
  collectiveActivityDays: DatedEvidence[];
  /**
   * Guidance days dated in the period, and in the days of its first and last week outside it: a
   * week across the year's end is one week.
   */
  guidanceDays: DatedEvidence[];
  completedProjects: string[];
  /** Members admitted as probationary (approval dated in the period). */
  admissions: string[];
  /** The latest admission dated on or before the period's end. */
  lastAdmission?: { on: string; eventId: string };
  /** Development steps taken late, dated in the period. */
  overdueSteps: string[];
  appraisal?: { score: number; eventId: string };
  vetoes: { vetoId: string; reason: string; eventId: string }[];
  /** The last rating of the previous period, as it stands at the cut-off. */
  previousRating?: { stars: number; revoked: boolean; eventId: string };
}

/** An event and the business date it reports. */
export interface DatedEvidence {
  eventId: string;
  date: string;
}

export interface PairingFacts {
  pairingId: string;
  startsOn: string;
  /** The term's end, or the dissolution date when it was dissolved earlier. */
  endsOn: string;
  commitments: { fundsFen: number; projects: number; activists: number };
  delivered: { fundsFen: number; projects: number; activists: number };
  evidence: string[];
}

/** An allocation of the period's year to a branch: amounts as they stand at the cut-off. */
export interface AllocationFacts {
  allocationId: string;
  recipientOrganizationId: string;
  purpose: string;
  allocatedFen: number;
  disbursedFen: number;
  spentFen: number;
  cancelled: boolean;
  evidence: string[];
}

/** Where a member stands at the period's end, for the activist reserve. */
export interface MemberStanding {
  organizationId: string;
  stage: 'applicant' | 'activist' | 'development_target' | 'member' | 'left';
  /** The designation behind the current stage. */
  eventId: string;
}

export interface EvaluationFacts {
  period: string;
  cutoffPosition: string;
  branches: Map<string, BranchFacts>;
  allocations: Map<string, AllocationFacts>;
  members: Map<string, MemberStanding>;
}
