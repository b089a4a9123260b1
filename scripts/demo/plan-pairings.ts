import { addDays, addMonths } from '@gongjian/domain';
import { dateBetween, maxDate, minDate, monthsBetween } from './demo-dates';
import { LEADER_TITLES, SURNAMES, GIVEN_NAMES } from './demo-names';
import { DemoChain, DemoOrganization, DemoPairing, DemoScale } from './demo-plan.types';
import { DemoOrganizations, PRINCIPLE_CATEGORY } from './plan-organizations';
import { SeededRandom } from './seeded-random';

const OTHER_ACTIVITIES = ['joint_org_life', 'fellowship', 'training', 'visit'];
const SUMMARIES: Record<string, string> = {
  guidance_day: '党建指导日：指导规范“三会一课”',
  collective_activity_day: '集体活动日：共同开展主题党日',
  joint_org_life: '联合召开组织生活会',
  fellowship: '城乡党员联谊活动',
  training: '农村党员实用技术培训',
  visit: '走访慰问困难党员群众',
};

export const personName = (random: SeededRandom) =>
  `${random.pick(SURNAMES)}${random.pick(GIVEN_NAMES)}`;

/** Two different people (cultivation contacts, sponsors). */
export function twoPeople(random: SeededRandom): [string, string] {
  const first = personName(random);
  let second = personName(random);
  while (second === first) second = personName(random);
  return [first, second];
}

/**
 * Each organ pairs with a village of the category its department kind calls for (the matching
 * principle), the least-paired first; about one in twenty is an exception with a reason.
 */
export function planPairings(
  random: SeededRandom,
  orgs: DemoOrganizations,
  scale: DemoScale,
  year: number,
  lastDay: string,
): DemoPairing[] {
  const load = new Map(orgs.pairable.map((v) => [v.id, 0]));
  const leastPaired = (candidates: DemoOrganization[]) => {
    const min = Math.min(...candidates.map((v) => load.get(v.id)!));
    return random.pick(candidates.filter((v) => load.get(v.id) === min));
  };
  const urbans = [...orgs.organs, ...random.sample(orgs.otherUrban, scale.otherPairings)];
  const dissolveOn = `${year}-06-30`;
  let dissolved = 0;
  return urbans.map((urban, i) => {
    const required = urban.departmentKind ? PRINCIPLE_CATEGORY[urban.departmentKind] : undefined;
    const fitting = required
      ? orgs.pairable.filter((v) => orgs.categories.get(v.id)?.includes(required))
      : orgs.pairable;
    const exception = required !== undefined && (fitting.length === 0 || random.chance(0.05));
    const rural = leastPaired(exception || fitting.length === 0 ? orgs.pairable : fitting);
    load.set(rural.id, load.get(rural.id)! + 1);
    const principleMatched =
      required === undefined || (orgs.categories.get(rural.id) ?? []).includes(required);
    const pairing: DemoPairing = {
      id: `pairing-${String(i + 1).padStart(4, '0')}`,
      urban,
      rural,
      startsOn: dateBetween(random, `${year - 1}-01-05`, `${year - 1}-03-31`),
      endsOn: `${year + 1}-12-31`,
      principleMatched,
    };
    if (i % 60 === 59 && dissolved < 5 && dissolveOn < lastDay) {
      pairing.dissolvedOn = dissolveOn;
      dissolved++;
    }
    return pairing;
  });
}

export function pairingCommands(
  random: SeededRandom,
  pairings: readonly DemoPairing[],
): DemoChain[] {
  return pairings.map((p) => [
    {
      key: `pairing:${p.id}`,
      path: '/pairings',
      body: {
        id: p.id,
        urbanOrganizationId: p.urban.id,
        ruralOrganizationId: p.rural.id,
        contactLeader: { name: personName(random), title: random.pick(LEADER_TITLES) },
        startsOn: p.startsOn,
        endsOn: p.endsOn,
        commitments: {
          fundsFen: random.int(5, 30) * 1_000_000,
          projects: random.int(1, 3),
          activists: random.int(1, 3),
        },
        ...(p.principleMatched
          ? {}
          : { principleOverrideReason: '就近就便结对，经县委组织部同意' }),
      },
    },
  ]);
}

/** 第一书记 for the weakest villages, sent by an organ they are paired with when there is one. */
export function firstSecretaries(
  random: SeededRandom,
  orgs: DemoOrganizations,
  pairings: readonly DemoPairing[],
  scale: DemoScale,
  year: number,
): DemoChain[] {
  const weak = orgs.pairable.filter((v) =>
    (orgs.categories.get(v.id) ?? []).some((c) => c === 'weak_lax' || c === 'poor'),
  );
  return random.sample(weak, scale.firstSecretaries).map((village) => {
    const from = pairings.find((p) => p.rural.id === village.id)?.urban.id;
    return [
      {
        key: `first-secretary:${village.id}`,
        path: `/organizations/${village.id}/first-secretary`,
        body: {
          name: personName(random),
          ...(from ? { fromOrganizationId: from } : {}),
          startsOn: `${year - 1}-03-01`,
          endsOn: `${year + 1}-02-28`,
        },
      },
    ];
  });
}

/** `count` distinct days of one month between `from` and `to` (same month), in order. */
function daysOf(random: SeededRandom, from: string, to: string, count: number): string[] {
  const month = from.slice(0, 8);
  const first = Number(from.slice(8));
  const days = Array.from(
    { length: Number(to.slice(8)) - first + 1 },
    (_, i) => `${month}${String(first + i).padStart(2, '0')}`,
  );
  return random.sample(days, count).sort();
}

/**
 * Two years of activities per pairing: most months meet the targets (4 guidance days, 3
 * collective activity days), some fall short; one chain per pairing, ending in its dissolution.
 */
export function activityChains(
  random: SeededRandom,
  pairings: readonly DemoPairing[],
  scale: DemoScale,
  lastDay: string,
): DemoChain[] {
  const windowStart = addMonths(`${lastDay.slice(0, 7)}-01`, 1 - scale.activityMonths);
  return pairings.map((p) => {
    const end = p.dissolvedOn ? addDays(p.dissolvedOn, -1) : lastDay;
    const start = maxDate(p.startsOn, windowStart);
    const chain: DemoChain = [];
    let n = 0;
    for (const month of monthsBetween(start, end)) {
      const from = maxDate(start, `${month}-01`);
      const to = minDate(end, lastOfMonth(month));
      const plan: [string, number][] = [
        ['guidance_day', random.chance(0.6) ? 4 : random.int(1, 3)],
        ['collective_activity_day', random.chance(0.6) ? 3 : random.int(1, 2)],
        [random.pick(OTHER_ACTIVITIES), random.chance(0.35) ? 1 : 0],
      ];
      for (const [type, count] of plan) {
        for (const date of daysOf(random, from, to, count)) {
          chain.push({
            key: `activity:${p.id}:${++n}`,
            path: `/pairings/${p.id}/activities`,
            body: { type, date, participants: random.int(8, 60), summary: SUMMARIES[type] },
          });
        }
      }
    }
    if (p.dissolvedOn) {
      chain.push({
        key: `dissolve:${p.id}`,
        path: `/pairings/${p.id}/dissolve`,
        body: { reason: '单位职能调整，重新结对', on: p.dissolvedOn },
      });
    }
    return chain;
  });
}

function lastOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
