import { evaluate } from './evaluate';
import { DEFAULT_RULE_SET } from './rule-set/default-rule-set';
import { CountyLog } from './testing/county-log.spec-helper';
import { simpleRuleSet } from './testing/rule-set.spec-helper';

function county() {
  const log = new CountyLog();
  for (const id of ['v1', 'v2', 'v3']) {
    log.village(id);
    log.pair(`p-${id}`, id, '2024-01-01', '2026-12-31', {
      fundsFen: 1000,
      projects: 1,
      activists: 1,
    });
    log.activity(`p-${id}`, id, 'collective_activity_day', '2025-03-01');
    log.income(id, 2025, 4_000_000);
  }
  log.appraisal('v1', '2025', 95);
  log.appraisal('v2', '2025', 70);
  return log;
}

describe('evaluate', () => {
  it('gives identical ratings for the same log, rule set and cut-off, whatever follows the cut-off', () => {
    const log = county();
    const cutoff = log.head;
    const first = evaluate(DEFAULT_RULE_SET, log.events, '2025', cutoff);
    log.appraisal('v3', '2025', 99);
    log.activity('p-v1', 'v1', 'collective_activity_day', '2025-04-01');
    log.veto('v2', '2025', '违纪');

    expect(evaluate(DEFAULT_RULE_SET, log.events, '2025', cutoff)).toEqual(first);
    expect(evaluate(DEFAULT_RULE_SET, log.events, '2025', log.head)).not.toEqual(first);
  });

  it('lists the points missing for the next star, item by item, largest first', () => {
    const log = county();
    const v2 = evaluate(DEFAULT_RULE_SET, log.events, '2025', log.head).find(
      (r) => r.organizationId === 'v2',
    )!;
    const plan = v2.improvementPlan!;
    expect(plan.nextStars).toBe(v2.stars + 1);
    const threshold = DEFAULT_RULE_SET.thresholds.find((t) => t.stars === plan.nextStars)!;
    expect(plan.gapCenti).toBe(threshold.minScore * 100 - v2.scoreCenti);
    for (const item of plan.items) {
      const indicator = v2.indicators.find((i) => i.key === item.key)!;
      expect(item.missingCenti).toBe(indicator.maxPointsCenti - indicator.pointsCenti);
    }
    const missing = plan.items.map((i) => i.missingCenti);
    expect(missing).toEqual([...missing].sort((a, b) => b - a));
    expect(plan.items.map((i) => i.key)).toContain('guidance_days');
  });

  it('records 升星/降星 against the previous period, a revoked rating counting as the minimum', () => {
    const log = new CountyLog();
    for (const id of ['up', 'down', 'same', 'revoked', 'fresh']) {
      log.village(id);
      log.appraisal(id, '2025', 80);
    }
    log.rated('up', '2024', 1);
    log.rated('down', '2024', 5);
    log.rated('same', '2024', 2);
    log.rated('revoked', '2024', 4);
    log.add('rating-revoked', 'RatingRevoked', {
      organizationId: 'revoked',
      period: '2024',
      reason: '摘星',
    });

    // Appraisal 80 × 30% = 24 points, nothing else: one star each.
    const ratings = evaluate(
      simpleRuleSet({ thresholds: [{ stars: 2, minScore: 20 }] }),
      log.events,
      '2025',
      log.head,
    );
    const byId = Object.fromEntries(
      ratings.map((r) => [r.organizationId, [r.stars, r.previousStars, r.change]]),
    );
    expect(byId).toEqual({
      up: [2, 1, 'upgraded'],
      down: [2, 5, 'downgraded'],
      same: [2, 2, 'unchanged'],
      revoked: [2, 1, 'upgraded'],
      fresh: [2, undefined, 'new'],
    });
  });
});
