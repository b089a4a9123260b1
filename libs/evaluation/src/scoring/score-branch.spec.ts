import { evaluate } from '../evaluate';
import { CountyLog } from '../testing/county-log.spec-helper';
import { simpleRuleSet } from '../testing/rule-set.spec-helper';
import { DEFAULT_RULE_SET } from '../rule-set/default-rule-set';

function rateOne(log: CountyLog, ruleSet = simpleRuleSet()) {
  const ratings = evaluate(ruleSet, log.events, '2025', log.head);
  expect(ratings).toHaveLength(1);
  return ratings[0];
}

describe('scoring a branch', () => {
  it('weights basic items 70% and the appraisal 30%, and the points add up to the score', () => {
    const log = new CountyLog();
    log.village('v1');
    log.projectCompleted('j1', 'v1', '2025-05-01');
    log.appraisal('v1', '2025', 90);

    const rating = rateOne(log);

    // basic: 1 of 2 projects → 50 of 100 points × 70% = 35; appraisal 90 × 30% = 27.
    expect(rating.indicators.map((i) => [i.key, i.pointsCenti, i.maxPointsCenti])).toEqual([
      ['projects', 3500, 7000],
      ['appraisal', 2700, 3000],
    ]);
    expect(rating.scoreCenti).toBe(6200);
    expect(rating.stars).toBe(2);
  });

  it('maps ≥ 90/80/70/60 to 5/4/3/2 stars and below to 1, at the exact threshold', () => {
    const starsFor = (appraisal: number, projects: number) => {
      const log = new CountyLog();
      log.village('v1');
      for (let i = 0; i < projects; i++) log.projectCompleted(`j${i}`, 'v1', '2025-05-01');
      log.appraisal('v1', '2025', appraisal);
      return rateOne(log).stars;
    };
    // 70 + 30 × appraisal / 100 with both projects done.
    expect(starsFor(67, 2)).toBe(5); // 90.1
    expect(starsFor(34, 2)).toBe(4); // 80.2
    expect(starsFor(0, 2)).toBe(3); // 70
    expect(starsFor(84, 1)).toBe(2); // 35 + 25.2 = 60.2
    expect(starsFor(83, 1)).toBe(1); // 59.9
  });

  it('shows a missing appraisal as missing with no points and marks the rating incomplete', () => {
    const log = new CountyLog();
    log.village('v1');
    log.projectCompleted('j1', 'v1', '2025-05-01');
    log.projectCompleted('j2', 'v1', '2025-06-01');

    const rating = rateOne(log);

    expect(rating.indicators[1]).toMatchObject({ key: 'appraisal', pointsCenti: 0, missing: true });
    expect(rating.incomplete).toBe(true);
    expect(rating.scoreCenti).toBe(7000);
  });

  it('takes deductions off their part but never below zero', () => {
    const ruleSet = simpleRuleSet({
      deductions: [
        {
          key: 'overdue',
          label: '超期',
          part: 'basic',
          kind: 'overdue_development_steps',
          pointsPerOccurrence: 30,
          maxPoints: 60,
        },
      ],
    });
    const late = (log: CountyLog, m: string) =>
      log.member(m, 'v1', 'ApplicantInterviewed', {
        on: '2025-03-01',
        dueOn: '2025-02-01',
        late: true,
      });
    const log = new CountyLog();
    log.village('v1');
    log.projectCompleted('j1', 'v1', '2025-05-01');
    log.appraisal('v1', '2025', 50);
    late(log, 'm1');
    late(log, 'm2');
    late(log, 'm3');

    const rating = rateOne(log, ruleSet);

    // basic 35 points earned; 3 × 30 capped at 60, × 70% = 42, clipped to the 35 left.
    expect(rating.indicators.find((i) => i.key === 'overdue')).toMatchObject({
      type: 'deduction',
      value: 3,
      pointsCenti: -3500,
    });
    expect(rating.scoreCenti).toBe(1500);
    expect(rating.indicators.reduce((s, i) => s + i.pointsCenti, 0)).toBe(rating.scoreCenti);
  });

  it('rates only the rule set’s sectors, registered and active by the period end', () => {
    const log = new CountyLog();
    log.village('v1');
    log.village('c1', { sector: 'community' });
    log.village('v2', { registeredOn: '2026-02-01' });
    log.village('v3');
    log.add('organization-v3', 'OrganizationDeactivated', {
      organizationId: 'v3',
      reason: '撤并',
      on: '2025-08-01',
    });
    const ratings = evaluate(simpleRuleSet(), log.events, '2025', log.head);
    expect(ratings.map((r) => r.organizationId)).toEqual(['v1']);
  });

  it('gives the default rule set’s points adding up to 100 for a branch that meets every target', () => {
    const log = new CountyLog();
    log.village('v1');
    log.memberCount('v1', 2025, 10);
    log.income('v1', 2025, 6_000_000);
    log.pair('p1', 'v1', '2025-01-01', '2027-12-31', { fundsFen: 100, projects: 1, activists: 1 });
    log.delivered('p1', 'v1', '2025-02-01', { kind: 'funds', amountFen: 100 });
    log.delivered('p1', 'v1', '2025-02-01', { kind: 'projects', count: 1 });
    log.delivered('p1', 'v1', '2025-02-01', { kind: 'activists', count: 1 });
    for (let month = 1; month <= 12; month++) {
      const mm = String(month).padStart(2, '0');
      for (const day of ['05', '15', '25'])
        log.activity('p1', 'v1', 'collective_activity_day', `2025-${mm}-${day}`);
    }
    // A guidance day in each of the 53 weeks touching 2025, from Wednesday 1 January.
    for (let week = 0; week < 53; week++) {
      const date = new Date(Date.UTC(2025, 0, 1 + week * 7)).toISOString().slice(0, 10);
      log.activity('p1', 'v1', 'guidance_day', date);
    }
    log.member('m1', 'v1', 'ActivistDesignated', { on: '2024-01-01' });
    log.member('m2', 'v1', 'ActivistDesignated', { on: '2024-01-01' });
    log.member('m3', 'v1', 'AdmissionApproved', { on: '2025-06-01' });
    for (const [id, purpose, fen] of [
      ['a1', 'operating_funds', 2_000_000],
      // 100元 per rural Party member (seed 004): 10 members.
      ['a2', 'activity_funds', 100_000],
      ['a3', 'special_benefit', 5_000_000],
    ] as const) {
      log.allocation(id, 'v1', 2025, purpose, fen);
      log.disbursed(id, 'v1', 2025, purpose, fen);
      log.spent(id, 'v1', 2025, purpose, fen);
    }
    log.projectCompleted('j1', 'v1', '2025-10-01');
    log.appraisal('v1', '2025', 100);

    const rating = rateOne(log, DEFAULT_RULE_SET);

    expect(
      rating.indicators.filter((i) => i.pointsCenti !== i.maxPointsCenti && i.type === 'indicator'),
    ).toEqual([]);
    expect(rating.scoreCenti).toBe(10_000);
    expect(rating.scoreStars).toBe(5);
    // Alone in the county, 30% of one branch is no five-star seat at all.
    expect(rating.limits).toEqual([{ key: 'quota_5', kind: 'quota', fromStars: 5, toStars: 4 }]);
    expect(rating.stars).toBe(4);
  });

  it('counts the activists designated during a pairing’s term as delivered against its commitments', () => {
    const log = new CountyLog();
    log.village('v1');
    const paired = log.pair('p1', 'v1', '2025-12-01', '2027-11-30', {
      fundsFen: 0,
      projects: 0,
      activists: 2,
    });
    const first = log.activist('m1', 'v1', '2025-12-05');
    const second = log.activist('m2', 'v1', '2025-12-05');

    const indicator = rateOne(log, DEFAULT_RULE_SET).indicators.find(
      (i) => i.key === 'commitments_delivered',
    );

    // 10 points of the basic part, weighted 70%: 7 of 7.
    expect(indicator).toMatchObject({
      value: 100,
      target: 100,
      pointsCenti: 700,
      maxPointsCenti: 700,
      evidence: [paired, first, second],
    });
  });

  it('caps a branch by its categories as they stood at the period’s end, not at the cut-off', () => {
    const ruleSet = simpleRuleSet({ categoryCaps: [{ category: 'weak_lax', maxStars: 2 }] });
    const topScoring = () => {
      const log = new CountyLog();
      log.village('v1');
      log.projectCompleted('j1', 'v1', '2025-05-01');
      log.projectCompleted('j2', 'v1', '2025-06-01');
      log.appraisal('v1', '2025', 100);
      return log;
    };

    // Set in the next year: the 2025 rating is not capped.
    const setLater = topScoring();
    setLater.categories('v1', ['weak_lax'], '2026-12-03');
    expect(rateOne(setLater, ruleSet)).toMatchObject({ stars: 5, limits: [] });

    // Set in 2025 and removed in January: the 2025 rating stays capped.
    const removedLater = topScoring();
    removedLater.categories('v1', ['weak_lax'], '2025-03-01');
    removedLater.categories('v1', [], '2026-01-10');
    expect(rateOne(removedLater, ruleSet)).toMatchObject({
      stars: 2,
      limits: [{ key: 'category_weak_lax', kind: 'category_cap', fromStars: 5, toStars: 2 }],
    });
  });
});
