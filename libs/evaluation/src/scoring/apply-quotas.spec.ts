import fc from 'fast-check';
import { simpleRuleSet } from '../testing/rule-set.spec-helper';
import { applyQuotas } from './apply-quotas';
import type { BranchRating } from './rating.types';

const rating = (organizationId: string, scoreCenti: number, stars: number): BranchRating => ({
  organizationId,
  name: organizationId,
  township: 'T01',
  period: '2025',
  scoreCenti,
  scoreStars: stars,
  stars,
  change: 'new',
  incomplete: false,
  indicators: [],
  vetoes: [],
  limits: [],
});

describe('the five-star cap and level quotas', () => {
  it('keeps the highest scores at five stars and breaks ties by organization id', () => {
    const ruleSet = simpleRuleSet({ fiveStarCap: { maxSharePercent: 30 } });
    const ratings = [
      rating('v5', 9500, 5),
      rating('v2', 9200, 5),
      rating('v1', 9200, 5),
      rating('v3', 9900, 5),
      ...['v6', 'v7', 'v8', 'v9', 'v10', 'v11'].map((id) => rating(id, 5000, 1)),
    ];
    // 10 branches, 30%: three seats; v2 and v1 tie for the third, v1 comes first.
    const capped = applyQuotas(ruleSet, ratings);
    const stars = Object.fromEntries(capped.map((r) => [r.organizationId, r.stars]));
    expect(stars).toMatchObject({ v3: 5, v5: 5, v1: 5, v2: 4 });
    expect(capped.find((r) => r.organizationId === 'v2')?.limits).toEqual([
      { key: 'quota_5', kind: 'quota', fromStars: 5, toStars: 4 },
    ]);
    expect(ratings.every((r) => r.limits.length === 0)).toBe(true);
  });

  it('applies a 10/40 split top down: branches dropped from five compete for four', () => {
    const ruleSet = simpleRuleSet({
      fiveStarCap: { maxSharePercent: 10 },
      levelQuotas: [{ stars: 4, maxSharePercent: 40 }],
    });
    const ratings = [
      ...[9900, 9800, 9700].map((s, i) => rating(`a${i}`, s, 5)),
      ...[8500, 8400, 8300].map((s, i) => rating(`b${i}`, s, 4)),
      ...[7000, 7000, 7000, 7000].map((s, i) => rating(`c${i}`, s, 3)),
    ];
    const byStars = (capped: BranchRating[]) =>
      capped.reduce<Record<number, string[]>>((acc, r) => {
        (acc[r.stars] ??= []).push(r.organizationId);
        return acc;
      }, {});
    const result = byStars(applyQuotas(ruleSet, ratings));
    expect(result[5]).toEqual(['a0']);
    expect(result[4]).toEqual(['a1', 'a2', 'b0', 'b1']);
    expect(result[3]?.sort()).toEqual(['b2', 'c0', 'c1', 'c2', 'c3']);
  });

  it('never lets the five-star share pass the cap, nor keeps a lower score over a higher one', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ score: fc.integer({ min: 0, max: 10_000 }), five: fc.boolean() }), {
          minLength: 1,
          maxLength: 60,
        }),
        fc.integer({ min: 0, max: 100 }),
        (branches, cap) => {
          const ruleSet = simpleRuleSet({ fiveStarCap: { maxSharePercent: cap } });
          const ratings = branches.map((b, i) =>
            rating(`o${String(i).padStart(3, '0')}`, b.score, b.five ? 5 : 3),
          );
          const capped = applyQuotas(ruleSet, ratings);
          const five = capped.filter((r) => r.stars === 5);
          expect(five.length * 100).toBeLessThanOrEqual(cap * capped.length);
          const dropped = capped.filter((r) => r.limits.some((l) => l.kind === 'quota'));
          for (const kept of five)
            for (const lost of dropped)
              expect(kept.scoreCenti).toBeGreaterThanOrEqual(lost.scoreCenti);
          // Applying the cap once more changes nothing.
          expect(applyQuotas(ruleSet, capped).map((r) => r.stars)).toEqual(
            capped.map((r) => r.stars),
          );
        },
      ),
    );
  });
});
