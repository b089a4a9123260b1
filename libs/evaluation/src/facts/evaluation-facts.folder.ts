import { activistDeliveredBy, addDays, shanghaiDate } from '@gongjian/domain';
import { periodRange, PeriodRange, previousPeriod } from '../period';
import type {
  AllocationFacts,
  BranchFacts,
  EvaluationFacts,
  MemberStanding,
  PairingFacts,
} from './branch-facts';
import type { EvaluationEvent } from './evaluation-event';

type Data = Record<string, unknown>;
const text = (data: Data, key: string): string => data[key] as string;
const num = (data: Data, key: string): number => data[key] as number;

/** An activist's first designation, kept to count it in the village's pairings at the end. */
interface Designation {
  on: string;
  pairingId?: string;
  eventId: string;
}

/** An allocation made under a pairing: what it allocates now (0 once cancelled). */
interface PairingAllocation {
  pairingId: string;
  allocatedFen: number;
  eventIds: string[];
}

/** Member events that end a procedure before membership. */
const LEAVING = new Set(['MembershipWithdrawn', 'MembershipRejected', 'ProbationCancelled']);

/**
 * One pass over the log up to the cut-off, in log order, grouping what every indicator needs by
 * organization. Linear in the events: each one is looked at once and touches a constant number
 * of entries. Events past the cut-off are ignored, so handing it more of the log changes nothing.
 * `facts()` then counts each branch's activists against its own pairings' terms.
 */
export class EvaluationFactsFolder {
  private readonly range: PeriodRange;
  private readonly weeksFrom: string;
  private readonly weeksTo: string;
  private readonly previous: string;
  private readonly branches = new Map<string, BranchFacts>();
  private readonly allocations = new Map<string, AllocationFacts>();
  private readonly members = new Map<string, MemberStanding>();
  /** Business date of the category set each branch has for the period. */
  private readonly categoriesOn = new Map<string, string>();
  /** By organization, then member: activists designated by the period's end. */
  private readonly designations = new Map<string, Map<string, Designation>>();
  /** By allocation id: allocations under a pairing decided by the period's end, any year. */
  private readonly pairingAllocations = new Map<string, PairingAllocation>();

  constructor(
    period: string,
    readonly cutoffPosition: string,
  ) {
    this.range = periodRange(period);
    this.weeksFrom = addDays(this.range.startsOn, -6);
    this.weeksTo = addDays(this.range.endsOn, 6);
    this.previous = previousPeriod(period);
  }

  apply(event: EvaluationEvent): void {
    if (event.position > this.cutoffPosition) return;
    const d = event.data;
    switch (event.type) {
      case 'OrganizationRegistered': {
        const branch = this.branch(text(d, 'organizationId'));
        branch.name = text(d, 'name');
        branch.sector = text(d, 'sector');
        branch.township = text(d, 'township');
        branch.registeredOn = shanghaiDate(event.metadata.occurredAt);
        return;
      }
      case 'VillageCategoriesSet': {
        // The categories as they stood at the period's end: the latest set dated on or before
        // it (by business date; of two on the same day, the later one in the log).
        const on = shanghaiDate(event.metadata.occurredAt);
        const organizationId = text(d, 'organizationId');
        const known = this.categoriesOn.get(organizationId);
        const branch = this.branch(organizationId);
        if (on > this.range.endsOn || (known !== undefined && on < known)) return;
        this.categoriesOn.set(organizationId, on);
        branch.categories = [...(d.categories as string[])];
        branch.categoriesEvidence = [event.eventId];
        return;
      }
      case 'CollectiveIncomeRecorded':
        if (num(d, 'year') === this.range.year)
          this.branch(text(d, 'organizationId')).collectiveIncome = {
            amountFen: num(d, 'amountFen'),
            eventId: event.eventId,
          };
        return;
      case 'MemberCountRecorded':
        if (num(d, 'year') === this.range.year)
          this.branch(text(d, 'organizationId')).memberCount = {
            count: num(d, 'count'),
            eventId: event.eventId,
          };
        return;
      case 'OrganizationDeactivated':
        this.branch(text(d, 'organizationId')).deactivatedOn = text(d, 'on');
        return;
      case 'BranchPaired':
        this.branch(text(d, 'ruralOrganizationId')).pairings.set(text(d, 'pairingId'), {
          pairingId: text(d, 'pairingId'),
          startsOn: text(d, 'startsOn'),
          endsOn: text(d, 'endsOn'),
          commitments: { ...(d.commitments as PairingFacts['commitments']) },
          delivered: { fundsFen: 0, projects: 0, activists: 0 },
          evidence: [event.eventId],
        });
        return;
      case 'PairingRenewed':
        this.withPairing(d, (pairing) => (pairing.endsOn = text(d, 'endsOn')));
        return;
      case 'PairingDissolved':
        this.withPairing(d, (pairing) => {
          if (text(d, 'on') < pairing.endsOn) pairing.endsOn = text(d, 'on');
        });
        return;
      case 'CommitmentDelivered':
        if (text(d, 'on') <= this.range.endsOn)
          this.withPairing(d, (pairing) => {
            if (d.kind === 'funds') pairing.delivered.fundsFen += num(d, 'amountFen');
            else if (d.kind === 'projects') pairing.delivered.projects += num(d, 'count');
            else if (d.kind === 'activists') pairing.delivered.activists += num(d, 'count');
            pairing.evidence.push(event.eventId);
          });
        return;
      case 'ActivityLogged':
        {
          const date = text(d, 'date');
          const dated = { eventId: event.eventId, date };
          if (d.type === 'collective_activity_day' && this.inPeriod(date))
            this.branch(text(d, 'ruralOrganizationId')).collectiveActivityDays.push(dated);
          else if (d.type === 'guidance_day' && this.inPeriodWeeks(date))
            this.branch(text(d, 'ruralOrganizationId')).guidanceDays.push(dated);
        }
        return;
      case 'ProjectCompleted':
        if (this.inPeriod(text(d, 'on')))
          this.branch(text(d, 'ruralOrganizationId')).completedProjects.push(event.eventId);
        return;
      case 'AllocationOpened':
        this.openPairingAllocation(event);
        if (num(d, 'year') === this.range.year)
          this.allocations.set(text(d, 'allocationId'), {
            allocationId: text(d, 'allocationId'),
            recipientOrganizationId: text(d, 'recipientOrganizationId'),
            purpose: text(d, 'purpose'),
            allocatedFen: num(d, 'amountFen'),
            disbursedFen: 0,
            spentFen: 0,
            cancelled: false,
            evidence: [event.eventId],
          });
        return;
      case 'AllocationReduced':
        this.withPairingAllocation(event, num(d, 'allocatedFen'));
        this.withAllocation(event, (a) => (a.allocatedFen = num(d, 'allocatedFen')));
        return;
      case 'AllocationCancelled':
        this.withPairingAllocation(event, 0);
        this.withAllocation(event, (a) => (a.cancelled = true));
        return;
      case 'DisbursementRecorded':
        this.withAllocation(event, (a) => (a.disbursedFen = num(d, 'disbursedFen')));
        return;
      case 'ExpenditureRecorded':
        this.withAllocation(event, (a) => (a.spentFen = num(d, 'spentFen')));
        return;
      case 'AppraisalScoreRecorded':
        if (d.period === this.range.period)
          this.branch(text(d, 'organizationId')).appraisal = {
            score: num(d, 'score'),
            eventId: event.eventId,
          };
        return;
      case 'VetoRecorded':
        if (d.period === this.range.period)
          this.branch(text(d, 'organizationId')).vetoes.push({
            vetoId: text(d, 'vetoId'),
            reason: text(d, 'reason'),
            eventId: event.eventId,
          });
        return;
      case 'BranchRated':
        if (d.period === this.previous)
          this.branch(text(d, 'organizationId')).previousRating = {
            stars: num(d, 'stars'),
            revoked: false,
            eventId: event.eventId,
          };
        return;
      case 'RatingRevoked':
        if (d.period === this.previous) {
          const previous = this.branch(text(d, 'organizationId')).previousRating;
          if (previous) previous.revoked = true;
        }
        return;
      default:
        this.applyMemberEvent(event);
    }
  }

  facts(): EvaluationFacts {
    const funds = this.fundsByPairing();
    const branches = new Map<string, BranchFacts>();
    for (const [organizationId, branch] of this.branches)
      branches.set(organizationId, this.withDeliveries(branch, funds));
    return {
      period: this.range.period,
      cutoffPosition: this.cutoffPosition,
      branches,
      allocations: this.allocations,
      members: this.members,
    };
  }

  /**
   * What the branch's pairings delivered beside their recorded deliveries, as the pairing view
   * counts it, with those events as evidence: the activists the branch designated by the
   * period's end (activistDeliveredBy, against the terms as they stand at the cut-off) and the
   * funds allocated under each pairing. Done once the log is folded, as a pairing may be
   * recorded, renewed or dissolved after what it counts.
   */
  private withDeliveries(branch: BranchFacts, funds: Map<string, PairingFunds>): BranchFacts {
    const designations = [...(this.designations.get(branch.organizationId)?.values() ?? [])];
    const pairings = new Map<string, PairingFacts>();
    for (const [pairingId, pairing] of branch.pairings) {
      const term = { pairingId, from: pairing.startsOn, to: pairing.endsOn };
      const counted = designations.filter((designation) => activistDeliveredBy(designation, term));
      const allocated = funds.get(pairingId) ?? { fundsFen: 0, evidence: [] };
      pairings.set(pairingId, {
        ...pairing,
        delivered: {
          ...pairing.delivered,
          activists: pairing.delivered.activists + counted.length,
          fundsFen: pairing.delivered.fundsFen + allocated.fundsFen,
        },
        evidence: [
          ...pairing.evidence,
          ...counted.map((designation) => designation.eventId),
          ...allocated.evidence,
        ],
      });
    }
    return { ...branch, pairings };
  }

  /** What was allocated under each pairing by the period's end, with its events as evidence. */
  private fundsByPairing(): Map<string, PairingFunds> {
    const funds = new Map<string, PairingFunds>();
    for (const { pairingId, allocatedFen, eventIds } of this.pairingAllocations.values()) {
      const sum = funds.get(pairingId) ?? { fundsFen: 0, evidence: [] };
      sum.fundsFen += allocatedFen;
      sum.evidence.push(...eventIds);
      funds.set(pairingId, sum);
    }
    return funds;
  }

  private applyMemberEvent(event: EvaluationEvent): void {
    if (!event.streamId.startsWith('member-')) return;
    const d = event.data;
    const on = typeof d.on === 'string' ? d.on : undefined;
    // What happened after the period does not change where the member stood at its end.
    if (on !== undefined && on > this.range.endsOn) return;
    const memberId = text(d, 'memberId');
    const organizationId = text(d, 'organizationId');
    const standing = this.members.get(memberId);
    if (d.late === true && on !== undefined && this.inPeriod(on))
      this.branch(organizationId).overdueSteps.push(event.eventId);
    const stage = this.stageAfter(event.type, standing?.stage);
    this.members.set(memberId, {
      organizationId,
      stage: stage ?? standing?.stage ?? 'applicant',
      eventId: stage !== undefined || !standing ? event.eventId : standing.eventId,
    });
    if (event.type === 'ActivistDesignated' && on !== undefined) {
      let designated = this.designations.get(organizationId);
      if (!designated) this.designations.set(organizationId, (designated = new Map()));
      // A member counts once, by the first designation.
      if (!designated.has(memberId))
        designated.set(memberId, {
          on,
          ...(typeof d.pairingId === 'string' && { pairingId: d.pairingId }),
          eventId: event.eventId,
        });
    }
    if (event.type === 'AdmissionApproved' && on !== undefined) {
      const branch = this.branch(organizationId);
      if (this.inPeriod(on)) branch.admissions.push(event.eventId);
      if (!branch.lastAdmission || branch.lastAdmission.on <= on)
        branch.lastAdmission = { on, eventId: event.eventId };
    }
  }

  private stageAfter(
    type: string,
    current: MemberStanding['stage'] | undefined,
  ): MemberStanding['stage'] | undefined {
    if (LEAVING.has(type)) return 'left';
    switch (type) {
      case 'MembershipApplied':
        return 'applicant';
      case 'ActivistDesignated':
        return 'activist';
      case 'DevelopmentTargetDesignated':
        return 'development_target';
      case 'AdmissionApproved':
        return 'member';
      default:
        return current === undefined ? 'applicant' : undefined;
    }
  }

  private inPeriod(date: string): boolean {
    return date >= this.range.startsOn && date <= this.range.endsOn;
  }

  /** Within six days of the period: what the weeks (Monday to Sunday) touching it may hold. */
  private inPeriodWeeks(date: string): boolean {
    return date >= this.weeksFrom && date <= this.weeksTo;
  }

  private withPairing(data: Data, change: (pairing: PairingFacts) => void): void {
    const pairing = this.branches
      .get(text(data, 'ruralOrganizationId'))
      ?.pairings.get(text(data, 'pairingId'));
    if (pairing) change(pairing);
  }

  /**
   * An allocation naming a pairing counts as funds delivered under it, as the pairing view counts
   * them, when it was decided by the period's end (its decision date, else its business date).
   */
  private openPairingAllocation(event: EvaluationEvent): void {
    const d = event.data;
    if (typeof d.pairingId !== 'string') return;
    const decidedOn =
      typeof d.decisionOn === 'string' ? d.decisionOn : shanghaiDate(event.metadata.occurredAt);
    if (decidedOn > this.range.endsOn) return;
    this.pairingAllocations.set(text(d, 'allocationId'), {
      pairingId: d.pairingId,
      allocatedFen: num(d, 'amountFen'),
      eventIds: [event.eventId],
    });
  }

  private withPairingAllocation(event: EvaluationEvent, allocatedFen: number): void {
    const allocation = this.pairingAllocations.get(text(event.data, 'allocationId'));
    if (!allocation) return;
    allocation.allocatedFen = allocatedFen;
    allocation.eventIds.push(event.eventId);
  }

  private withAllocation(event: EvaluationEvent, change: (a: AllocationFacts) => void): void {
    const allocation = this.allocations.get(text(event.data, 'allocationId'));
    if (!allocation) return;
    change(allocation);
    allocation.evidence.push(event.eventId);
  }

  private branch(organizationId: string): BranchFacts {
    let branch = this.branches.get(organizationId);
    if (!branch) {
      branch = {
        organizationId,
        name: '',
        sector: '',
        township: '',
        registeredOn: '',
        categories: [],
        categoriesEvidence: [],
        pairings: new Map(),
        collectiveActivityDays: [],
        guidanceDays: [],
        completedProjects: [],
        admissions: [],
        overdueSteps: [],
        vetoes: [],
      };
      this.branches.set(organizationId, branch);
    }
    return branch;
  }
}

/** Folds a whole slice of the log at once. */
export function foldEvaluationFacts(
  period: string,
  cutoffPosition: string,
  events: Iterable<EvaluationEvent>,
): EvaluationFacts {
  const folder = new EvaluationFactsFolder(period, cutoffPosition);
  for (const event of events) folder.apply(event);
  return folder.facts();
}

interface PairingFunds {
  fundsFen: number;
  evidence: string[];
}
