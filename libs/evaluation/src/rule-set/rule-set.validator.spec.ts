import { DEFAULT_RULE_SET } from './default-rule-set';
import { validateRuleSet } from './rule-set.validator';
import type { IndicatorKind, RuleSet } from './rule-set.types';

const clone = (): RuleSet => structuredClone(DEFAULT_RULE_SET);

describe('validating a rule set', () => {
  it('accepts the default rule set', () => {
    expect(validateRuleSet(DEFAULT_RULE_SET)).toEqual({ ok: true, ruleSet: DEFAULT_RULE_SET });
  });

  it('refuses items that do not add up to 100 within a part, and weights that do not add up', () => {
    const ruleSet = clone();
    ruleSet.indicators[0].maxPoints = 20;
    ruleSet.parts[1].weightPercent = 40;
    const result = validateRuleSet(ruleSet);
    expect(result).toMatchObject({
      ok: false,
      shape: [],
      rules: expect.arrayContaining([
        { field: 'parts', message: "the parts' weights add up to 110, not 100" },
        { field: 'indicators', message: 'the items of part basic add up to 105, not 100' },
      ]),
    });
  });

  it('refuses fields a rule set does not have, since they would change its hash', () => {
    const ruleSet = { ...clone(), comment: '试行', bonus: 5 };
    expect(validateRuleSet(ruleSet)).toEqual({
      ok: false,
      shape: [
        { field: 'comment', message: 'not a field of a rule set' },
        { field: 'bonus', message: 'not a field of a rule set' },
      ],
      rules: [],
    });
  });

  it('refuses thresholds that do not strictly descend', () => {
    const ruleSet = clone();
    ruleSet.thresholds = [
      { stars: 5, minScore: 90 },
      { stars: 4, minScore: 90 },
    ];
    expect(validateRuleSet(ruleSet)).toMatchObject({
      ok: false,
      rules: [{ field: 'thresholds', message: 'stars and scores must be strictly descending' }],
    });
  });

  it('lists every malformed field, with its path, separately from rule refusals', () => {
    const ruleSet = clone();
    ruleSet.fiveStarCap = { maxSharePercent: 130 };
    ruleSet.indicators[2].kind = 'luck' as IndicatorKind;
    delete (ruleSet as Partial<RuleSet>).version;
    const result = validateRuleSet(ruleSet);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.shape.map((i) => i.field).sort()).toEqual([
      'fiveStarCap.maxSharePercent',
      'indicators[2].kind',
      'version',
    ]);
  });

  it('refuses a missing target, an unknown part and a duplicate key', () => {
    const ruleSet = clone();
    delete ruleSet.indicators[2].target;
    ruleSet.deductions[0].part = 'bonus';
    ruleSet.deductions[1].key = ruleSet.deductions[0].key;
    const result = validateRuleSet(ruleSet);
    expect(result).toMatchObject({ ok: false, shape: [] });
    if (result.ok) return;
    expect(result.rules.map((r) => r.message)).toEqual(
      expect.arrayContaining([
        'activist_reserve (activist_reserve) needs a target',
        'overdue_development_steps names part bonus, which does not exist',
        'item key overdue_development_steps appears twice',
      ]),
    );
  });
});
