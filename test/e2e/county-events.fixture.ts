import type { RecordedEvent } from '@gongjian/event-store';
import type { PersonalDataCipher } from '../../apps/api/src/personal-data/personal-data.cipher';
import { eventLog } from '../../libs/projections/src/read-models/shared/event-log.fixture';
import { branchRated } from '../../libs/projections/src/read-models/shared/rating-events.fixture';

const TOWNSHIPS = ['T01', 'T02', 'T03'];
const DEPARTMENTS = ['party_mass', 'political_legal', 'economic', 'agriculture'];
const CATEGORIES = ['weak_lax', 'disorderly', 'poor', 'industry_demo'];
const SOURCES = ['county_finance', 'org_dept_award', 'township_subsidy'];
const PURPOSES = ['service_center', 'activity_funds', 'operating_funds', 'special_benefit'];

/**
 * A small county as recorded events, for read-model tests that need no write side: organs and
 * villages in three townships, pairings with activities (one dissolved, one whose term ended),
 * projects, budgets and allocations with disbursements, expenditures, reductions and a
 * cancellation, members at every stage (one transferred, one withdrawn), and star ratings of two
 * periods (rule sets, runs, provisional, final and revoked ratings, an objection).
 */
export function countyEvents(cipher: PersonalDataCipher): RecordedEvent[] {
  const log = eventLog(new Date('2026-01-05T01:00:00.000Z'));
  const organ = (i: number) => `org-${String(i).padStart(2, '0')}`;
  const village = (i: number) => `v-${String(i).padStart(2, '0')}`;
  const townshipOf = (i: number) => TOWNSHIPS[i % TOWNSHIPS.length];

  for (let i = 0; i < 6; i++) {
    log.add(`organization-${organ(i)}`, 'OrganizationRegistered', {
      organizationId: organ(i),
      name: `机关党支部${i}`,
      level: 'branch',
      sector: 'organ',
      departmentKind: DEPARTMENTS[i % DEPARTMENTS.length],
      township: townshipOf(i + 1),
    });
  }
  for (let i = 0; i < 12; i++) {
    const id = village(i);
    log.add(`organization-${id}`, 'OrganizationRegistered', {
      organizationId: id,
      name: `第${i}村党支部`,
      level: 'branch',
      sector: i % 5 === 4 ? 'community' : 'village',
      township: townshipOf(i),
    });
    const categories = [CATEGORIES[i % 4], ...(i % 3 === 0 ? ['hollow_economy'] : [])].sort();
    log.add(`organization-${id}`, 'VillageCategoriesSet', {
      organizationId: id,
      categories,
      previousCategories: [],
      added: categories,
      removed: [],
      reason: '年度研判',
    });
    log.add(`organization-${id}`, 'MemberCountRecorded', {
      organizationId: id,
      year: 2026,
      count: 20 + i,
    });
    log.add(`organization-${id}`, 'CollectiveIncomeRecorded', {
      organizationId: id,
      year: 2025,
      amountFen: 3_000_000 + i * 500_000,
    });
  }

  for (let p = 0; p < 9; p++) {
    const pairingId = `p-${p}`;
    const ref = { pairingId, urbanOrganizationId: organ(p % 6), ruralOrganizationId: village(p) };
    const ended = p === 7;
    log.add(`pairing-${pairingId}`, 'BranchPaired', {
      ...ref,
      urbanName: `机关党支部${p % 6}`,
      urbanSector: 'organ',
      urbanDepartmentKind: DEPARTMENTS[(p % 6) % 4],
      urbanTownship: townshipOf((p % 6) + 1),
      ruralName: `第${p}村党支部`,
      ruralSector: 'village',
      ruralTownship: townshipOf(p),
      ruralCategories: [CATEGORIES[p % 4]],
      contactLeader: { name: `领导${p}`, title: '部长' },
      startsOn: ended ? '2024-01-01' : '2026-01-01',
      endsOn: ended ? '2025-12-31' : '2028-12-31',
      commitments: { fundsFen: 1_000_000 * (p + 1), projects: 2, activists: 1 },
      requiredCategory: CATEGORIES[(p % 6) % 4],
      principleMatched: p % 3 !== 2,
      ...(p % 3 === 2 && { principleOverrideReason: '经研究同意跨类结对' }),
    });
    for (let a = 0; a < 4; a++) {
      log.add(`pairing-${pairingId}`, 'ActivityLogged', {
        ...ref,
        activityId: `act-${p}-${a}`,
        type: a % 2 === 0 ? 'guidance_day' : 'collective_activity_day',
        date: `2026-0${1 + (a % 2)}-${String(5 + a).padStart(2, '0')}`,
        participants: 10 + a,
        summary: '共建活动',
      });
    }
    if (p === 5) {
      log.add(`pairing-${pairingId}`, 'PairingDissolved', {
        ...ref,
        reason: '整顿转化',
        on: '2026-02-01',
      });
    }
  }

  for (let j = 0; j < 6; j++) {
    const projectId = `pr-${j}`;
    const ref = {
      projectId,
      pairingId: `p-${j}`,
      urbanOrganizationId: organ(j % 6),
      ruralOrganizationId: village(j),
    };
    log.add(`project-${projectId}`, 'ProjectLaunched', {
      ...ref,
      urbanTownship: townshipOf((j % 6) + 1),
      ruralTownship: townshipOf(j),
      name: `项目${j}`,
      category: j % 2 === 0 ? 'economic_development' : 'infrastructure',
      plannedInvestmentFen: 10_000_000,
      startsOn: '2026-01-10',
    });
    log.add(`pairing-p-${j}`, 'CommitmentDelivered', {
      pairingId: `p-${j}`,
      urbanOrganizationId: ref.urbanOrganizationId,
      ruralOrganizationId: ref.ruralOrganizationId,
      kind: 'projects',
      count: 1,
      ref: projectId,
      on: '2026-01-10',
    });
    log.add(`project-${projectId}`, 'InvestmentRecorded', {
      ...ref,
      amountFen: 2_000_000,
      on: '2026-02-01',
      source: 'county_finance',
      investedFen: 2_000_000,
    });
    if (j % 3 === 0) {
      log.add(`project-${projectId}`, 'ProjectCompleted', {
        ...ref,
        on: '2026-03-01',
        plannedInvestmentFen: 10_000_000,
        investedFen: 2_000_000,
      });
    }
  }

  for (const year of [2025, 2026]) {
    for (const source of SOURCES) {
      const budgetId = `${year}-${source}`;
      log.add(`budget-${budgetId}`, 'BudgetOpened', {
        budgetId,
        year,
        source,
        amountFen: 900_000_000,
      });
    }
  }
  for (let k = 0; k < 14; k++) {
    const year = k % 4 === 3 ? 2025 : 2026;
    const source = SOURCES[k % 3];
    const allocationId = `a-${String(k).padStart(2, '0')}`;
    const ref = {
      allocationId,
      budgetId: `${year}-${source}`,
      year,
      source,
      purpose: PURPOSES[k % 4],
      recipientOrganizationId: village(k % 12),
      ...(k < 5 && { pairingId: `p-${k}` }),
    };
    const amount = 1_000_000 * (k + 1);
    log.add(`budget-${ref.budgetId}`, 'AllocationReserved', {
      budgetId: ref.budgetId,
      year,
      source,
      allocationId,
      amountFen: amount,
      purpose: ref.purpose,
      recipientOrganizationId: ref.recipientOrganizationId,
      reservedFen: amount,
      poolFen: 900_000_000,
    });
    log.add(`allocation-${allocationId}`, 'AllocationOpened', {
      ...ref,
      amountFen: amount,
      decisionRef: `会议纪要${k}`,
    });
    if (k === 13) {
      log.add(`allocation-${allocationId}`, 'AllocationCancelled', {
        ...ref,
        reason: '撤销',
        releasedFen: amount,
        releaseId: `rel-${k}`,
      });
      continue;
    }
    log.add(`allocation-${allocationId}`, 'DisbursementRecorded', {
      ...ref,
      disbursementId: `d-${k}`,
      amountFen: amount / 2,
      on: `${year}-03-01`,
      ref: `拨付${k}`,
      disbursedFen: amount / 2,
    });
    if (k % 2 === 0) {
      log.add(`allocation-${allocationId}`, 'ExpenditureRecorded', {
        ...ref,
        expenditureId: `e-${k}`,
        amountFen: amount / 4,
        on: `${year}-03-05`,
        category: '办公',
        receiptRef: `票据${k}`,
        spentFen: amount / 4,
      });
    }
    if (k % 5 === 1) {
      log.add(`allocation-${allocationId}`, 'AllocationReduced', {
        ...ref,
        amountFen: amount / 4,
        reason: '核减',
        allocatedFen: amount - amount / 4,
        releaseId: `red-${k}`,
      });
    }
  }

  for (let m = 0; m < 16; m++) {
    const memberId = `m-${String(m).padStart(2, '0')}`;
    const organizationId = village(m % 8);
    const ref = { memberId, organizationId };
    const stream = `member-${memberId}`;
    const year = 2023 + (m % 3);
    log.add(stream, 'MembershipApplied', {
      ...ref,
      appliedOn: `${year}-01-10`,
      person: {
        name: `党员${m}`,
        gender: m % 2 === 0 ? 'female' : 'male',
        birthDate: '1995-03-15',
        education: '大专',
        idNumberCipher: cipher.encrypt(`11010119950315${String(1000 + m)}`, {
          memberId,
          field: 'idNumber',
        }),
        phoneCipher: cipher.encrypt(`1381234${String(5000 + m)}`, { memberId, field: 'phone' }),
      },
      dualCultivation: false,
      interviewDueOn: `${year}-02-10`,
    });
    if (m % 4 === 0) continue;
    log.add(stream, 'ApplicantInterviewed', {
      ...ref,
      on: `${year}-01-20`,
      dueOn: `${year}-02-10`,
      late: false,
    });
    log.add(stream, 'ActivistDesignated', {
      ...ref,
      on: `${year}-02-01`,
      method: 'member_recommendation',
      resolutionRef: `决议${m}`,
      nextReviewDueOn: `${year}-08-01`,
    });
    if (m % 4 === 1) continue;
    if (m === 6) {
      log.add(stream, 'MembershipWithdrawn', {
        ...ref,
        on: `${year}-03-01`,
        reason: '本人申请',
        stage: 'activist',
      });
      continue;
    }
    if (m === 10) {
      log.add(stream, 'MemberTransferred', {
        memberId,
        organizationId: village(11),
        on: `${year}-03-01`,
        fromOrganizationId: organizationId,
        toOrganizationId: village(11),
      });
      continue;
    }
    log.add(stream, 'DevelopmentTargetDesignated', {
      ...ref,
      on: `${year + 1}-03-01`,
      resolutionRef: `决议${m}b`,
      activistSince: `${year}-02-01`,
    });
    if (m % 4 === 2) continue;
    log.add(stream, 'AdmissionApproved', {
      ...ref,
      on: `${year + 1}-06-01`,
      probationStartsOn: `${year + 1}-05-20`,
      probationEndsOn: `${year + 2}-05-20`,
      dueOn: `${year + 1}-08-20`,
      late: false,
    });
  }
  addRatings(log, village, townshipOf);
  return log.events.map((event, i) =>
    i % 3 === 0
      ? { ...event, metadata: { ...event.metadata, actor: { id: 'admin:county', role: 'admin' } } }
      : event,
  );
}

function addRatings(
  log: ReturnType<typeof eventLog>,
  village: (i: number) => string,
  townshipOf: (i: number) => string,
): void {
  for (const [id, version, hash] of [
    ['county-default', 1, 'a'.repeat(64)],
    ['county-default', 2, 'b'.repeat(64)],
    ['county-pilot', 1, 'c'.repeat(64)],
  ] as const) {
    log.add(`ruleset-${id}`, 'RuleSetPublished', {
      ruleSetId: id,
      version,
      hash,
      ruleSet: { id, version, title: `${id} 第${version}版` },
    });
  }
  const key = (period: string, status: string) => ({
    runId: `${period}-county-default-v2-${status}`,
    period,
    ruleSetId: 'county-default',
    ruleSetVersion: 2,
    ruleSetHash: 'b'.repeat(64),
    cutoffPosition: '00000000000000000300',
  });
  for (const period of ['2024', '2025']) {
    log.add(`evaluation-${period}`, 'EvaluationRequested', {
      ...key(period, 'ok'),
      trigger: 'api',
    });
    const rated = period === '2024' ? 6 : 12;
    for (let i = 0; i < rated; i++) {
      const stars = ((i * 7 + Number(period)) % 5) + 1;
      log.add(
        `rating-${village(i)}`,
        'BranchRated',
        branchRated(village(i), period, stars, {
          runId: key(period, 'ok').runId,
          township: townshipOf(i),
          noticeEndsOn: `${Number(period) + 1}-01-20`,
        }),
      );
    }
    log.add(`evaluation-${period}`, 'EvaluationCompleted', {
      runId: key(period, 'ok').runId,
      period,
      rated,
      byStars: { '1': 1, '2': 2, '3': 1, '4': 1, '5': 1 },
      skipped: [],
    });
  }
  log.add('evaluation-2025', 'EvaluationRequested', {
    ...key('2025', 'failed'),
    trigger: 'scheduler',
  });
  log.add('evaluation-2025', 'EvaluationFailed', {
    runId: key('2025', 'failed').runId,
    period: '2025',
    reason: 'batch 0: store unavailable',
  });
  for (let i = 0; i < 6; i++) {
    log.add(`rating-${village(i)}`, 'RatingFinalized', {
      organizationId: village(i),
      period: '2024',
      runId: key('2024', 'ok').runId,
      stars: 3,
      on: '2025-01-21',
    });
  }
  log.add(`rating-${village(2)}`, 'RatingObjectionRecorded', {
    organizationId: village(2),
    period: '2025',
    objectionId: 'obj-1',
    runId: key('2025', 'ok').runId,
    reason: '活动次数统计有误',
  });
  log.add(`rating-${village(4)}`, 'RatingRevoked', {
    organizationId: village(4),
    period: '2025',
    runId: key('2025', 'ok').runId,
    previousStars: 3,
    reason: '发生违纪问题',
  });
}
