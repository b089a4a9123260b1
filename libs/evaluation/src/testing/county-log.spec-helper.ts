import { scoringIndex } from '../evaluate';
import type { EvaluationEvent } from '../facts/evaluation-event';
import { foldEvaluationFacts } from '../facts/evaluation-facts.folder';
import type { MeasureInput } from '../indicators/measure';
import { periodRange } from '../period';

/**
 * Builds a small county's log for the engine's specs: each helper appends one event with the
 * next position, as the store would hand them over, and returns its event id.
 */
export class CountyLog {
  readonly events: EvaluationEvent[] = [];
  private next = 1;

  add(streamId: string, type: string, data: Record<string, unknown>, occurredOn = '2025-01-01') {
    const position = String(this.next++).padStart(20, '0');
    const eventId = `e${position.replace(/^0+/, '')}`;
    this.events.push({
      eventId,
      streamId,
      position,
      type,
      data,
      metadata: { occurredAt: `${occurredOn}T02:00:00.000Z` },
    });
    return eventId;
  }

  get head(): string {
    return this.events[this.events.length - 1].position;
  }

  village(id: string, options: { township?: string; registeredOn?: string; sector?: string } = {}) {
    return this.add(
      `organization-${id}`,
      'OrganizationRegistered',
      {
        organizationId: id,
        name: `${id}村党支部`,
        level: 'branch',
        sector: options.sector ?? 'village',
        township: options.township ?? 'T01',
      },
      options.registeredOn ?? '2020-01-01',
    );
  }

  /** `on`: the business date the categories take effect (the event's occurredAt). */
  categories(id: string, categories: string[], on = '2025-01-01') {
    return this.add(
      `organization-${id}`,
      'VillageCategoriesSet',
      {
        organizationId: id,
        categories,
        previousCategories: [],
        added: categories,
        removed: [],
        reason: '年度研判',
      },
      on,
    );
  }

  income(id: string, year: number, amountFen: number) {
    return this.add(`organization-${id}`, 'CollectiveIncomeRecorded', {
      organizationId: id,
      year,
      amountFen,
    });
  }

  memberCount(id: string, year: number, count: number) {
    return this.add(`organization-${id}`, 'MemberCountRecorded', {
      organizationId: id,
      year,
      count,
    });
  }

  pair(
    pairingId: string,
    ruralId: string,
    startsOn: string,
    endsOn: string,
    commitments = { fundsFen: 0, projects: 0, activists: 0 },
  ) {
    return this.add(`pairing-${pairingId}`, 'BranchPaired', {
      ...this.pairingRef(pairingId, ruralId),
      startsOn,
      endsOn,
      commitments,
    });
  }

  renew(pairingId: string, ruralId: string, previousEndsOn: string, endsOn: string) {
    return this.add(`pairing-${pairingId}`, 'PairingRenewed', {
      ...this.pairingRef(pairingId, ruralId),
      previousEndsOn,
      endsOn,
    });
  }

  dissolve(pairingId: string, ruralId: string, on: string) {
    return this.add(`pairing-${pairingId}`, 'PairingDissolved', {
      ...this.pairingRef(pairingId, ruralId),
      reason: '调整',
      on,
    });
  }

  activity(pairingId: string, ruralId: string, type: string, date: string) {
    return this.add(`pairing-${pairingId}`, 'ActivityLogged', {
      ...this.pairingRef(pairingId, ruralId),
      activityId: `a${this.next}`,
      type,
      date,
      participants: 10,
      summary: '活动',
    });
  }

  delivered(pairingId: string, ruralId: string, on: string, delivery: Record<string, unknown>) {
    return this.add(`pairing-${pairingId}`, 'CommitmentDelivered', {
      ...this.pairingRef(pairingId, ruralId),
      ref: `d${this.next}`,
      on,
      ...delivery,
    });
  }

  projectCompleted(projectId: string, ruralId: string, on: string) {
    return this.add(`project-${projectId}`, 'ProjectCompleted', {
      projectId,
      pairingId: 'p1',
      urbanOrganizationId: 'u1',
      ruralOrganizationId: ruralId,
      on,
      plannedInvestmentFen: 100,
      investedFen: 100,
    });
  }

  allocation(id: string, recipientId: string, year: number, purpose: string, amountFen: number) {
    return this.add(`allocation-${id}`, 'AllocationOpened', {
      ...this.allocationRef(id, recipientId, year, purpose),
      amountFen,
      decisionRef: '常委会决议',
    });
  }

  /** An allocation naming the pairing it is made under, decided on `decisionOn`. */
  pairingAllocation(
    id: string,
    recipientId: string,
    pairingId: string,
    amountFen: number,
    decisionOn: string,
  ) {
    const year = Number(decisionOn.slice(0, 4));
    return this.add(
      `allocation-${id}`,
      'AllocationOpened',
      {
        ...this.allocationRef(id, recipientId, year, 'project'),
        pairingId,
        amountFen,
        decisionRef: '常委会决议',
        decisionOn,
      },
      decisionOn,
    );
  }

  reduced(id: string, recipientId: string, year: number, purpose: string, allocatedFen: number) {
    return this.add(`allocation-${id}`, 'AllocationReduced', {
      ...this.allocationRef(id, recipientId, year, purpose),
      amountFen: 0,
      reason: '调减',
      allocatedFen,
      releaseId: 'rel',
    });
  }

  disbursed(id: string, recipientId: string, year: number, purpose: string, disbursedFen: number) {
    return this.add(`allocation-${id}`, 'DisbursementRecorded', {
      ...this.allocationRef(id, recipientId, year, purpose),
      disbursementId: `db${this.next}`,
      amountFen: disbursedFen,
      on: `${year}-06-01`,
      ref: 'r',
      disbursedFen,
    });
  }

  spent(id: string, recipientId: string, year: number, purpose: string, spentFen: number) {
    return this.add(`allocation-${id}`, 'ExpenditureRecorded', {
      ...this.allocationRef(id, recipientId, year, purpose),
      expenditureId: `x${this.next}`,
      amountFen: spentFen,
      on: `${year}-07-01`,
      category: 'c',
      receiptRef: 'r',
      spentFen,
    });
  }

  cancelled(id: string, recipientId: string, year: number, purpose: string) {
    return this.add(`allocation-${id}`, 'AllocationCancelled', {
      ...this.allocationRef(id, recipientId, year, purpose),
      reason: '取消',
      releasedFen: 0,
      releaseId: 'rel',
    });
  }

  member(memberId: string, organizationId: string, type: string, data: Record<string, unknown>) {
    return this.add(`member-${memberId}`, type, { memberId, organizationId, ...data });
  }

  /** designate_activist, naming the cultivating pairing when the member named one. */
  activist(memberId: string, organizationId: string, on: string, pairingId?: string) {
    return this.member(memberId, organizationId, 'ActivistDesignated', {
      on,
      method: 'member_recommendation',
      resolutionRef: '支委会纪要',
      nextReviewDueOn: on,
      ...(pairingId !== undefined && { pairingId }),
    });
  }

  appraisal(organizationId: string, period: string, score: number) {
    return this.add(`rating-${organizationId}`, 'AppraisalScoreRecorded', {
      organizationId,
      period,
      score,
    });
  }

  veto(organizationId: string, period: string, reason: string) {
    return this.add(`rating-${organizationId}`, 'VetoRecorded', {
      organizationId,
      period,
      vetoId: `v${this.next}`,
      reason,
    });
  }

  rated(organizationId: string, period: string, stars: number) {
    return this.add(`rating-${organizationId}`, 'BranchRated', { organizationId, period, stars });
  }

  private pairingRef(pairingId: string, ruralId: string) {
    return { pairingId, urbanOrganizationId: 'u1', ruralOrganizationId: ruralId };
  }

  private allocationRef(id: string, recipientId: string, year: number, purpose: string) {
    return {
      allocationId: id,
      budgetId: `${year}-county_finance`,
      year,
      source: 'county_finance',
      purpose,
      recipientOrganizationId: recipientId,
    };
  }
}

/** What the indicators of `organizationId` see for `period`, folded from the whole log. */
export function measureInputFor(
  log: CountyLog,
  organizationId: string,
  period = '2025',
): MeasureInput {
  const facts = foldEvaluationFacts(period, log.head, log.events);
  const index = scoringIndex(facts);
  const branch = facts.branches.get(organizationId);
  if (!branch) throw new Error(`no facts for ${organizationId}`);
  return {
    branch,
    range: periodRange(period),
    reserve: index.reserve.get(organizationId) ?? [],
    allocations: index.allocations.get(organizationId) ?? [],
  };
}
