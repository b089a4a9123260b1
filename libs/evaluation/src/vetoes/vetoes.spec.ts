import { evaluate } from '../evaluate';
import { CountyLog } from '../testing/county-log.spec-helper';
import { simpleRuleSet } from '../testing/rule-set.spec-helper';

const ruleSet = simpleRuleSet({
  vetoes: [
    { key: 'disciplinary_veto', label: '违纪违规一票否决', kind: 'recorded_veto' },
    { key: 'no_new_member', label: '连续三年未发展党员', kind: 'no_new_member', years: 3 },
  ],
  categoryCaps: [{ category: 'weak_lax', maxStars: 2 }],
  fiveStarConditions: [{ key: 'completed_project', label: '完成项目', kind: 'completed_project' }],
});

/** A branch that scores 100: both projects done, appraisal 100, a member admitted in 2024. */
function topBranch(log: CountyLog, id = 'v1', registeredOn = '2020-01-01') {
  log.village(id, { registeredOn });
  log.projectCompleted(`${id}-j1`, id, '2025-05-01');
  log.projectCompleted(`${id}-j2`, id, '2025-06-01');
  log.appraisal(id, '2025', 100);
}

const rate = (log: CountyLog) => evaluate(ruleSet, log.events, '2025', log.head)[0];

describe('vetoes, caps and the five-star condition', () => {
  it('a recorded disciplinary veto gives the minimum star, with its reason and evidence', () => {
    const log = new CountyLog();
    topBranch(log);
    log.member('m1', 'v1', 'AdmissionApproved', { on: '2024-05-01' });
    const veto = log.veto('v1', '2025', '村干部违纪');
    log.veto('v1', '2024', '上一年度的');

    const rating = rate(log);

    expect(rating.scoreCenti).toBe(10_000);
    expect(rating.stars).toBe(1);
    expect(rating.vetoes).toEqual([
      {
        key: 'disciplinary_veto',
        label: '违纪违规一票否决',
        reason: '村干部违纪',
        evidence: [veto],
      },
    ]);
    expect(rating.limits).toEqual([
      { key: 'disciplinary_veto', kind: 'veto', fromStars: 5, toStars: 1 },
    ]);
  });

  it('no member admitted in three years gives the minimum star', () => {
    const log = new CountyLog();
    topBranch(log);
    const old = log.member('m1', 'v1', 'AdmissionApproved', { on: '2022-12-31' });
    const rating = rate(log);
    expect(rating.stars).toBe(1);
    expect(rating.vetoes).toMatchObject([{ key: 'no_new_member', evidence: [old] }]);
  });

  it('an admission within the three years lifts that veto', () => {
    const log = new CountyLog();
    topBranch(log);
    log.member('m1', 'v1', 'AdmissionApproved', { on: '2023-01-01' });
    expect(rate(log).vetoes).toEqual([]);
  });

  it('does not veto a branch the record knows for less than the three years', () => {
    const log = new CountyLog();
    topBranch(log, 'v1', '2023-06-01');
    expect(rate(log)).toMatchObject({ vetoes: [], stars: 5 });
  });

  it('caps a 软弱涣散 branch at 2 stars', () => {
    const log = new CountyLog();
    topBranch(log);
    log.member('m1', 'v1', 'AdmissionApproved', { on: '2024-05-01' });
    log.categories('v1', ['poor', 'weak_lax']);
    expect(rate(log)).toMatchObject({
      stars: 2,
      limits: [{ key: 'category_weak_lax', kind: 'category_cap', fromStars: 5, toStars: 2 }],
    });
  });

  it('holds five stars back to four without the extra condition', () => {
    const ruleSetNoProjects = simpleRuleSet({
      indicators: [
        {
          key: 'appraisal_b',
          label: '评议',
          part: 'basic',
          kind: 'appraisal_score',
          maxPoints: 100,
        },
        {
          key: 'income',
          label: '收入',
          part: 'appraisal',
          kind: 'collective_income',
          maxPoints: 100,
          target: 1,
        },
      ],
      fiveStarConditions: [
        { key: 'completed_project', label: '完成项目', kind: 'completed_project' },
      ],
    });
    const log = new CountyLog();
    log.village('v1');
    log.appraisal('v1', '2025', 100);
    log.income('v1', 2025, 10);
    const rating = evaluate(ruleSetNoProjects, log.events, '2025', log.head)[0];
    expect(rating.scoreStars).toBe(5);
    expect(rating.stars).toBe(4);
    expect(rating.improvementPlan).toMatchObject({
      nextStars: 5,
      gapCenti: 0,
      blockers: [{ key: 'completed_project', kind: 'five_star_condition' }],
    });
  });
});
