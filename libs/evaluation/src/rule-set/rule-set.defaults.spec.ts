import { DEFAULT_RULE_SET } from './default-rule-set';
import { withRuleSetDefaults } from './rule-set.defaults';
import { ruleSetHash } from './rule-set.hash';
import { validateRuleSet } from './rule-set.validator';
import { apiMdRuleSetBody } from '../testing/rule-set.spec-helper';

const apiBody = apiMdRuleSetBody;

describe('filling in the fields a rule set leaves out', () => {
  it('makes a complete, valid rule set of the six fields API.md names', () => {
    const filled = withRuleSetDefaults(apiBody());
    expect(filled).toEqual({
      id: 'probe-rs',
      version: 1,
      title: 'probe-rs',
      appliesTo: { sectors: ['village'] },
      parts: [{ key: 'total', label: '总分', weightPercent: 100 }],
      indicators: [
        {
          key: 'guidance_days',
          label: '党建指导日',
          part: 'total',
          kind: 'guidance_days',
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
      fiveStarCap: { maxSharePercent: 30 },
      levelQuotas: [],
      vetoes: [{ key: 'disciplinary_veto', label: '违纪', kind: 'recorded_veto' }],
      categoryCaps: [],
      fiveStarConditions: [],
    });
    expect(validateRuleSet(filled)).toEqual({ ok: true, ruleSet: filled });
  });

  it('leaves a body that gives every field as it is, so its hash does not change', () => {
    const full = structuredClone(DEFAULT_RULE_SET);
    const filled = withRuleSetDefaults(full);
    expect(filled).toEqual(DEFAULT_RULE_SET);
    expect(ruleSetHash(filled as typeof DEFAULT_RULE_SET)).toBe(ruleSetHash(DEFAULT_RULE_SET));
  });

  it('keeps the fields that are given, and a 1-star threshold when minimumStars is given', () => {
    const body = {
      ...apiBody(),
      title: '试点方案',
      appliesTo: { sectors: ['community'] },
      minimumStars: 1,
      categoryCaps: [{ category: 'weak_lax', maxStars: 2 }],
    };
    const filled = withRuleSetDefaults(body) as typeof body;
    expect(filled).toMatchObject({
      title: '试点方案',
      appliesTo: { sectors: ['community'] },
      thresholds: body.thresholds,
      categoryCaps: [{ category: 'weak_lax', maxStars: 2 }],
    });
    expect(validateRuleSet(filled)).toMatchObject({
      ok: false,
      shape: [{ field: 'thresholds[4].stars', message: 'an integer from 2 to 5' }],
    });
  });

  it('takes no threshold as the floor unless it gives 1 star from 0 points', () => {
    const body = {
      ...apiBody(),
      thresholds: [
        { stars: 3, minScore: 60 },
        { stars: 2, minScore: 0 },
      ],
    };
    expect(withRuleSetDefaults(body)).toMatchObject({
      thresholds: body.thresholds,
      minimumStars: 1,
    });
  });

  it('puts items without a part in the only part, and never guesses among several', () => {
    const one = withRuleSetDefaults({
      ...apiBody(),
      parts: [{ key: 'basic', label: '基本项目', weightPercent: 100 }],
    });
    expect(one).toMatchObject({ indicators: [{ key: 'guidance_days', part: 'basic' }] });
    expect(validateRuleSet(one)).toMatchObject({ ok: true });

    const two = withRuleSetDefaults({
      ...apiBody(),
      parts: [
        { key: 'basic', label: '基本项目', weightPercent: 70 },
        { key: 'appraisal', label: '民主评议', weightPercent: 30 },
      ],
    });
    expect(validateRuleSet(two)).toMatchObject({
      ok: false,
      shape: [{ field: 'indicators[0].part', message: 'the key of one of the parts' }],
    });
  });

  it('leaves what is not an object to the validator', () => {
    expect(withRuleSetDefaults(null)).toBeNull();
    expect(withRuleSetDefaults([1])).toEqual([1]);
  });
});
