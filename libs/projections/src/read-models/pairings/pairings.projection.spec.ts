import { eventLog } from '../shared/event-log.fixture';
import { documentsOf, projectInMemory } from '../shared/in-memory-projection';
import { PAIRINGS, pairingsProjection } from './pairings.projection';
import { RURAL_ACTIVISTS } from './rural-activists';

const ref = { pairingId: 'p-1', urbanOrganizationId: 'org-zzb', ruralOrganizationId: 'v-01' };
const allocation = {
  allocationId: 'a-1',
  budgetId: '2026-county_finance',
  year: 2026,
  source: 'county_finance',
  purpose: 'project',
  recipientOrganizationId: 'v-01',
  pairingId: 'p-1',
};

function pairingLog() {
  const log = eventLog();
  log.add('pairing-p-1', 'BranchPaired', {
    ...ref,
    urbanName: '县委组织部机关党支部',
    urbanSector: 'organ',
    urbanDepartmentKind: 'party_mass',
    urbanTownship: 'T00',
    ruralName: '石桥村党支部',
    ruralSector: 'village',
    ruralTownship: 'T01',
    ruralCategories: ['weak_lax'],
    contactLeader: { name: '王强', title: '部长' },
    startsOn: '2026-01-01',
    endsOn: '2027-12-31',
    commitments: { fundsFen: 10_000_000, projects: 2, activists: 3 },
    requiredCategory: 'weak_lax',
    principleMatched: true,
  });
  for (const [type, date] of [
    ['guidance_day', '2026-03-02'],
    ['guidance_day', '2026-03-02'],
    ['guidance_day', '2026-03-09'],
    ['collective_activity_day', '2026-03-05'],
    ['visit', '2026-03-20'],
    ['training', '2026-04-01'],
  ]) {
    log.add('pairing-p-1', 'ActivityLogged', {
      ...ref,
      activityId: `act-${date}-${type}`,
      type,
      date,
      participants: 12,
      summary: '活动',
    });
  }
  log.add('project-pr-1', 'ProjectLaunched', { ...ref, projectId: 'pr-1', name: '基地' });
  log.add('pairing-p-1', 'CommitmentDelivered', {
    ...ref,
    kind: 'projects',
    count: 1,
    ref: 'pr-1',
    on: '2026-03-01',
  });
  log.add('allocation-a-1', 'AllocationOpened', {
    ...allocation,
    amountFen: 5_000_000,
    decisionRef: '会议纪要',
  });
  log.add('allocation-a-1', 'DisbursementRecorded', {
    ...allocation,
    disbursementId: 'd-1',
    amountFen: 1_000_000,
    on: '2026-03-10',
    ref: 'x',
    disbursedFen: 1_000_000,
  });
  log.add('allocation-a-1', 'DisbursementRecorded', {
    ...allocation,
    disbursementId: 'd-2',
    amountFen: 2_000_000,
    on: '2026-03-11',
    ref: 'y',
    disbursedFen: 3_000_000,
  });
  log.add('member-m-1', 'ActivistDesignated', {
    memberId: 'm-1',
    organizationId: 'v-01',
    on: '2026-05-01',
    method: 'member_recommendation',
    resolutionRef: 'r',
    nextReviewDueOn: '2026-11-01',
  });
  log.add('member-m-2', 'ActivistDesignated', {
    memberId: 'm-2',
    organizationId: 'v-01',
    on: '2025-05-01',
    method: 'member_recommendation',
    resolutionRef: 'r',
    nextReviewDueOn: '2025-11-01',
  });
  return log;
}

describe('the pairings read model', () => {
  it('keeps the agreement, activities per month and delivery from projects and allocations', () => {
    const docs = projectInMemory(pairingsProjection, pairingLog().events);
    const [pairing] = documentsOf(docs, PAIRINGS);
    expect(pairing).toMatchObject({
      _id: 'p-1',
      revision: 7,
      urbanOrganizationId: 'org-zzb',
      ruralOrganizationId: 'v-01',
      organizationIds: ['org-zzb', 'v-01'],
      townships: ['T01', 'T00'],
      recordStatus: 'active',
      principleMatched: true,
      contactLeader: { name: '王强', title: '部长' },
      commitments: { fundsFen: 10_000_000, projects: 2, activists: 3 },
      delivered: { fundsFen: 5_000_000, projects: 1, activists: 0, disbursedFen: 3_000_000 },
      activityCount: 6,
      lastActivityOn: '2026-04-01',
      months: {
        '2026-03': {
          guidanceDates: ['2026-03-02', '2026-03-09'],
          collectiveDates: ['2026-03-05'],
          otherActivities: 1,
        },
        '2026-04': { guidanceDates: [], collectiveDates: [], otherActivities: 1 },
      },
    });
    expect(pairing).not.toHaveProperty('principleOverrideReason');
  });

  it('issue 13: an allocation under the pairing counts as delivered when made, after reductions and cancellations', () => {
    const log = pairingLog();
    log.add('allocation-a-1', 'AllocationReduced', {
      ...allocation,
      amountFen: 1_000_000,
      reason: '核减',
      allocatedFen: 4_000_000,
      releaseId: 'a-1-r1',
    });
    log.add('allocation-a-2', 'AllocationOpened', {
      ...allocation,
      allocationId: 'a-2',
      amountFen: 700_000,
      decisionRef: '会议纪要',
    });
    const reduced = documentsOf(projectInMemory(pairingsProjection, log.events), PAIRINGS)[0];
    expect(reduced.delivered).toEqual({
      fundsFen: 4_700_000,
      projects: 1,
      activists: 0,
      disbursedFen: 3_000_000,
    });
    log.add('allocation-a-2', 'AllocationCancelled', {
      ...allocation,
      allocationId: 'a-2',
      reason: '取消',
      releasedFen: 700_000,
      releaseId: 'a-2-cancel',
    });
    const cancelled = documentsOf(projectInMemory(pairingsProjection, log.events), PAIRINGS)[0];
    expect(cancelled.delivered).toMatchObject({ fundsFen: 4_000_000 });
  });

  it('issue 13: counts activities entered late and trainees by kind', () => {
    const log = pairingLog();
    log.add('pairing-p-1', 'ActivityLogged', {
      ...ref,
      activityId: 'act-late',
      type: 'training',
      date: '2027-12-20',
      participants: 30,
      summary: '培训',
      trainees: { members: 10, farmers: 15 },
      enteredLate: true,
    });
    log.add('pairing-p-1', 'ActivityLogged', {
      ...ref,
      activityId: 'act-late-2',
      type: 'training',
      date: '2027-12-21',
      participants: 30,
      summary: '培训',
      trainees: { farmers: 5, doubleLeaders: 2 },
    });
    const [pairing] = documentsOf(projectInMemory(pairingsProjection, log.events), PAIRINGS);
    expect(pairing).toMatchObject({
      lateEntries: 1,
      trainees: { members: 10, farmers: 20, doubleLeaders: 2 },
    });
  });

  it('counts activists the rural organization designated during the term', () => {
    const docs = projectInMemory(pairingsProjection, pairingLog().events);
    const [activists] = documentsOf(docs, RURAL_ACTIVISTS);
    expect(activists).toMatchObject({ _id: 'v-01', byPairing: { 'p-1': 1 } });
  });

  it('issue 13: an activist who named the pairing cultivating them counts for that pairing only', () => {
    const log = pairingLog();
    const second = { ...ref, pairingId: 'p-2', urbanOrganizationId: 'org-nyj' };
    log.add('pairing-p-2', 'BranchPaired', {
      ...second,
      urbanName: '县农业农村局机关党支部',
      urbanSector: 'organ',
      urbanDepartmentKind: 'agriculture',
      urbanTownship: 'T00',
      ruralName: '石桥村党支部',
      ruralSector: 'village',
      ruralTownship: 'T01',
      ruralCategories: ['weak_lax'],
      contactLeader: { name: '李明', title: '局长' },
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      commitments: { fundsFen: 0, projects: 0, activists: 2 },
      requiredCategory: 'weak_lax',
      principleMatched: false,
      principleOverrideReason: '县委统筹',
    });
    log.add('member-m-3', 'ActivistDesignated', {
      memberId: 'm-3',
      organizationId: 'v-01',
      on: '2026-06-01',
      method: 'member_recommendation',
      resolutionRef: 'r',
      nextReviewDueOn: '2026-12-01',
      pairingId: 'p-2',
    });
    const [activists] = documentsOf(
      projectInMemory(pairingsProjection, log.events),
      RURAL_ACTIVISTS,
    );
    // m-1 (no pairing named) counts for both terms; m-3 only for p-2; m-2 predates both.
    expect(activists.byPairing).toEqual({ 'p-1': 1, 'p-2': 2 });
  });

  it('a dissolution ends the term that activists are counted in, and is kept with its reason', () => {
    const log = pairingLog();
    log.add('pairing-p-1', 'PairingDissolved', { ...ref, reason: '整顿转化', on: '2026-04-30' });
    const docs = projectInMemory(pairingsProjection, log.events);
    expect(documentsOf(docs, PAIRINGS)[0]).toMatchObject({
      recordStatus: 'dissolved',
      dissolvedOn: '2026-04-30',
      dissolutionReason: '整顿转化',
    });
    expect(documentsOf(docs, RURAL_ACTIVISTS)[0]).toMatchObject({ byPairing: { 'p-1': 0 } });
  });

  it('renewals move the end of the term', () => {
    const log = pairingLog();
    log.add('pairing-p-1', 'PairingRenewed', {
      ...ref,
      previousEndsOn: '2027-12-31',
      endsOn: '2028-12-31',
    });
    const docs = projectInMemory(pairingsProjection, log.events);
    expect(documentsOf(docs, PAIRINGS)[0]).toMatchObject({ endsOn: '2028-12-31', revision: 8 });
  });

  it('gives the same documents when the same events are applied twice', () => {
    const { events } = pairingLog();
    const once = projectInMemory(pairingsProjection, events);
    const twice = projectInMemory(pairingsProjection, [...events, ...events]);
    for (const name of [PAIRINGS, RURAL_ACTIVISTS]) {
      expect(documentsOf(twice, name)).toEqual(documentsOf(once, name));
    }
  });
});
