import { DEFAULT_RULE_SET } from './default-rule-set';
import { ruleSetHash } from './rule-set.hash';
import type { RuleSet } from './rule-set.types';

describe('rule set hash', () => {
  it('is the SHA-256 of the canonical JSON: key order does not matter, content does', () => {
    const reordered = Object.fromEntries(Object.entries(DEFAULT_RULE_SET).reverse()) as RuleSet;
    expect(ruleSetHash(reordered)).toBe(ruleSetHash(DEFAULT_RULE_SET));
    expect(ruleSetHash(DEFAULT_RULE_SET)).toMatch(/^[0-9a-f]{64}$/);
    const changed = { ...DEFAULT_RULE_SET, fiveStarCap: { maxSharePercent: 20 } };
    expect(ruleSetHash(changed)).not.toBe(ruleSetHash(DEFAULT_RULE_SET));
  });
});
