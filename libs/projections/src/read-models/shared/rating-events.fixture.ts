import type { BranchRatedData } from '@gongjian/domain';

/** A branch's rating as a run records it, for read-model specs. */
export function branchRated(
  organizationId: string,
  period: string,
  stars: number,
  overrides: Partial<BranchRatedData> = {},
): BranchRatedData {
  return {
    organizationId,
    period,
    runId: `${period}-county-default-v1-0123456789abcdef-00000000000000000100`,
    ruleSetId: 'county-default',
    ruleSetVersion: 1,
    ruleSetHash: '0123456789abcdef'.repeat(4),
    cutoffPosition: '00000000000000000100',
    name: `${organizationId}党支部`,
    township: 'T01',
    scoreCenti: 5000 + stars * 1000 + 15,
    scoreStars: stars,
    stars,
    change: 'new',
    incomplete: false,
    indicators: [
      {
        key: 'collective_activity_days',
        label: '集体活动日',
        part: 'basic',
        type: 'indicator',
        value: 30,
        target: 36,
        pointsCenti: 583,
        maxPointsCenti: 700,
        evidence: ['ev-1', 'ev-2'],
      },
    ],
    vetoes: [],
    limits: [],
    improvementPlan: {
      nextStars: stars + 1,
      gapCenti: 985,
      items: [{ key: 'collective_activity_days', label: '集体活动日', missingCenti: 117 }],
      blockers: [],
      reachable: false,
    },
    noticeEndsOn: '2026-01-20',
    ...overrides,
  };
}
