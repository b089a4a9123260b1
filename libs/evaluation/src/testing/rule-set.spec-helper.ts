import type { RuleSet } from '../rule-set/rule-set.types';

/**
 * A two-item rule set whose arithmetic is easy to follow: basic = one appraisal-free item
 * (completed projects, 100 points) at 70%, appraisal 100 points at 30%.
 */
export function simpleRuleSet(overrides: Partial<RuleSet> = {}): RuleSet {
  return {
    id: 'simple',
    version: 1,
    title: 'spec',
    appliesTo: { sectors: ['village'] },
    parts: [
      { key: 'basic', label: '基本项目', weightPercent: 70 },
      { key: 'appraisal', label: '民主评议', weightPercent: 30 },
    ],
    indicators: [
      {
        key: 'projects',
        label: '项目',
        part: 'basic',
        kind: 'completed_projects',
        maxPoints: 100,
        target: 2,
      },
      {
        key: 'appraisal',
        label: '评议',
        part: 'appraisal',
        kind: 'appraisal_score',
        maxPoints: 100,
      },
    ],
    deductions: [],
    thresholds: [
      { stars: 5, minScore: 90 },
      { stars: 4, minScore: 80 },
      { stars: 3, minScore: 70 },
      { stars: 2, minScore: 60 },
    ],
    minimumStars: 1,
    fiveStarCap: { maxSharePercent: 100 },
    levelQuotas: [],
    vetoes: [],
    categoryCaps: [],
    fiveStarConditions: [],
    ...overrides,
  };
}

/** A rule set with only the fields API.md names for `POST /rule-sets`, as a client sends it. */
export function apiMdRuleSetBody() {
  return {
    id: 'probe-rs',
    version: 1,
    indicators: [
      { key: 'guidance_days', label: '党建指导日', kind: 'guidance_days', maxPoints: 100 },
    ],
    thresholds: [
      { stars: 5, minScore: 90 },
      { stars: 4, minScore: 80 },
      { stars: 3, minScore: 70 },
      { stars: 2, minScore: 60 },
      { stars: 1, minScore: 0 },
    ],
    fiveStarCap: { maxSharePercent: 30 },
    vetoes: [{ key: 'disciplinary_veto', label: '违纪', kind: 'recorded_veto' }],
  };
}
