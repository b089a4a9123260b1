import { addDays } from '@gongjian/domain';
import { dateBetween, minDate } from './demo-dates';
import { DemoChain, DemoCommand, DemoPairing, DemoScale } from './demo-plan.types';
import { DemoOrganizations } from './plan-organizations';
import { SeededRandom } from './seeded-random';

/** Yearly pools per source, in 万元 (1万元 = 1,000,000 fen). */
const POOLS_WAN: Record<string, number> = {
  county_finance: 3_000,
  org_dept_award: 1_500,
  township_subsidy: 800,
  village_self_raised: 600,
  partner_unit: 6_000,
  department_project: 2_500,
  party_dues: 500,
};
const WAN = 1_000_000;

export function budgetChains(years: readonly number[]): DemoChain[] {
  return years.flatMap((year) =>
    Object.entries(POOLS_WAN).map(([source, wan]) => [
      {
        key: `budget:${year}:${source}`,
        path: '/budgets',
        body: { year, source, amountFen: wan * WAN },
      },
    ]),
  );
}

/**
 * Every village's allocations for a year (operating and activity funds, special funds, a centre
 * now and then, project money from its partners), each followed by its disbursements and
 * expenditures within the year.
 */
export function allocationChains(
  random: SeededRandom,
  orgs: DemoOrganizations,
  pairings: readonly DemoPairing[],
  years: readonly number[],
  lastDay: string,
): DemoChain[] {
  const chains: DemoChain[] = [];
  let n = 0;
  for (const year of years) {
    for (const village of orgs.villages) {
      const members = orgs.memberCounts.get(village.id)!;
      // Money under a pairing needs it still running when the allocation is made.
      const pairing = pairings.find((p) => p.rural.id === village.id && !p.dissolvedOn);
      const wanted: [string, string, number, string?][] = [
        [
          'county_finance',
          'operating_funds',
          random.chance(0.93) ? random.int(20, 30) * 100_000 : 1_500_000,
        ],
        [random.chance(0.5) ? 'party_dues' : 'county_finance', 'activity_funds', members * 10_000],
      ];
      if (random.chance(0.6)) wanted.push(['org_dept_award', 'special_benefit', 5 * WAN]);
      if (random.chance(0.04))
        wanted.push(['department_project', 'service_center', random.int(60, 80) * WAN]);
      if (random.chance(0.3)) wanted.push(['party_dues', 'training', random.int(5, 15) * 100_000]);
      if (random.chance(0.2))
        wanted.push(['party_dues', 'hardship_support', random.int(3, 10) * 100_000]);
      if (random.chance(0.3))
        wanted.push(['township_subsidy', 'operating_funds', random.int(3, 8) * 100_000]);
      if (pairing) wanted.push(['partner_unit', 'project', random.int(10, 30) * WAN, pairing.id]);
      if (random.chance(0.2))
        wanted.push(['village_self_raised', 'project', random.int(2, 5) * WAN]);
      for (const [source, purpose, amountFen, pairingId] of wanted) {
        const id = `alloc-${year}-${String(++n).padStart(5, '0')}`;
        chains.push(
          allocationChain(random, id, year, lastDay, {
            budgetId: `${year}-${source}`,
            recipientOrganizationId: village.id,
            amountFen,
            purpose,
            decisionRef: `${village.township}党委会〔${year}〕${(n % 40) + 1}号`,
            ...(pairingId ? { pairingId } : {}),
          }),
        );
      }
    }
  }
  return chains;
}

function allocationChain(
  random: SeededRandom,
  id: string,
  year: number,
  lastDay: string,
  body: Record<string, unknown> & { amountFen: number },
): DemoChain {
  const chain: DemoCommand[] = [
    { key: `allocation:${id}`, path: '/allocations', body: { id, ...body } },
  ];
  const until = minDate(`${year}-11-30`, lastDay);
  if (until < `${year}-03-01`) return chain;
  const disbursed = Math.round((body.amountFen * random.int(70, 100)) / 100);
  const first = random.chance(0.5) ? Math.round(disbursed / 2) : disbursed;
  const firstOn = dateBetween(random, `${year}-03-01`, until);
  const payments: [number, string][] = [[first, firstOn]];
  if (first < disbursed) payments.push([disbursed - first, dateBetween(random, firstOn, until)]);
  payments.forEach(([amountFen, on], i) =>
    chain.push({
      key: `disbursement:${id}:${i}`,
      path: `/allocations/${id}/disbursements`,
      body: { amountFen, on, ref: `拨付凭证${id}-${i + 1}` },
    }),
  );
  const lastPaid = payments.at(-1)![1];
  chain.push({
    key: `expenditure:${id}`,
    path: `/allocations/${id}/expenditures`,
    body: {
      amountFen: Math.round((disbursed * random.int(50, 100)) / 100),
      on: dateBetween(random, lastPaid, minDate(addDays(lastPaid, 60), until)),
      category: random.pick(['办公设备', '活动场地', '学习资料', '慰问物资', '项目建设']),
      receiptRef: `报账单${id}`,
    },
  });
  return chain;
}

/** About 480 projects over the pairings, each with its investments and, for some, completion. */
export function projectChains(
  random: SeededRandom,
  pairings: readonly DemoPairing[],
  scale: DemoScale,
  lastDay: string,
): DemoChain[] {
  const chains: DemoChain[] = [];
  const live = pairings.filter((p) => !p.dissolvedOn);
  for (let i = 0; i < scale.projects && live.length > 0; i++) {
    const pairing = live[i % live.length];
    const id = `project-${String(i + 1).padStart(4, '0')}`;
    const category = random.chance(0.6) ? 'economic_development' : 'infrastructure';
    const planned = random.int(10, 100) * WAN;
    const startsOn = dateBetween(
      random,
      pairing.startsOn,
      minDate(addDays(lastDay, -30), pairing.endsOn),
    );
    const chain: DemoChain = [
      {
        key: `project:${id}`,
        path: '/projects',
        body: {
          id,
          pairingId: pairing.id,
          name: category === 'economic_development' ? '特色产业发展项目' : '村组道路硬化项目',
          category,
          plannedInvestmentFen: planned,
          startsOn,
        },
      },
    ];
    let on = startsOn;
    for (let k = 0, count = random.int(1, 3); k < count; k++) {
      on = dateBetween(random, on, minDate(addDays(on, 120), lastDay));
      chain.push({
        key: `investment:${id}:${k}`,
        path: `/projects/${id}/investments`,
        body: {
          amountFen: Math.round(planned / count / 100) * random.int(60, 100),
          on,
          source: random.pick(['partner_unit', 'department_project', 'county_finance']),
        },
      });
    }
    if (random.chance(0.4)) {
      chain.push({
        key: `complete:${id}`,
        path: `/projects/${id}/complete`,
        body: { on: dateBetween(random, on, lastDay) },
      });
    }
    chains.push(chain);
  }
  return chains;
}
