import { DEMO_SCALES } from './demo-plan.types';
import { planDemoCounty } from './demo-plan';

const NOW = new Date('2026-12-01T04:00:00Z');

describe('the demo county plan', () => {
  const plan = planDemoCounty(7, DEMO_SCALES.county, NOW);
  const commands = plan.phases.flatMap((p) => p.chains.flat());
  const byPath = (pattern: RegExp) => commands.filter((c) => pattern.test(c.path));

  it('is the size of the seed reports', () => {
    expect(plan.expected).toEqual(
      expect.objectContaining({ villages: 200, pairings: 320, projects: 480, members: 3400 }),
    );
    expect(plan.expected.organizations).toBeGreaterThanOrEqual(690);
    expect(plan.expected.pairedVillages).toBe(170);
    expect(
      byPath(/^\/pairings$/).filter((c) => String(c.body.urbanOrganizationId).startsWith('organ-')),
    ).toHaveLength(290);
    const counted = byPath(/member-count$/).filter((c) => c.body.year === plan.year);
    const members = counted.reduce((n, c) => n + Number(c.body.count), 0);
    expect(members).toBeGreaterThan(13_000);
    expect(members).toBeLessThan(17_000);
    expect(
      byPath(/^\/members\/[^/]+\/steps$/).filter((c) => c.body.step === 'designate_activist')
        .length,
    ).toBeGreaterThan(2_700);
  });

  it('records an appraisal score for every village, the rating input nothing else gives', () => {
    const appraisals = byPath(/^\/organizations\/[^/]+\/appraisal$/);
    expect(appraisals).toHaveLength(plan.expected.villages);
    for (const a of appraisals) {
      expect(a.body.period).toBe(String(plan.year));
      expect(a.body.score).toBeGreaterThanOrEqual(55);
      expect(a.body.score).toBeLessThanOrEqual(98);
    }
  });

  it('mostly respects the matching principle, recording a reason for each exception', () => {
    const pairings = byPath(/^\/pairings$/);
    const overrides = pairings.filter((c) => c.body.principleOverrideReason !== undefined);
    expect(overrides.length).toBe(plan.expected.overridden);
    expect(overrides.length).toBeGreaterThan(0);
    expect(overrides.length).toBeLessThan(pairings.length * 0.1);
  });

  it('dates nothing after the last complete month, and funds every source', () => {
    expect(plan.lastDay).toBe('2026-11-30');
    for (const c of commands) {
      for (const field of ['on', 'date', 'appliedOn', 'from', 'startsOn']) {
        const value = c.body[field];
        if (
          typeof value === 'string' &&
          c.path !== '/pairings' &&
          !c.path.endsWith('first-secretary')
        ) {
          expect(value <= plan.lastDay).toBe(true);
        }
      }
    }
    const sources = new Set(byPath(/^\/budgets$/).map((c) => c.body.source));
    expect(sources.size).toBe(7);
  });

  it('is the same for the same seed and month, with unique keys', () => {
    const again = planDemoCounty(7, DEMO_SCALES.county, new Date('2026-12-20T04:00:00Z'));
    expect(JSON.stringify(again)).toBe(JSON.stringify(plan));
    expect(new Set(commands.map((c) => c.key)).size).toBe(commands.length);
    expect(JSON.stringify(planDemoCounty(8, DEMO_SCALES.county, NOW))).not.toBe(
      JSON.stringify(plan),
    );
  });
});
