import { SECTORS } from '@gongjian/domain';
import { DemoChain, DemoCommand, DemoOrganization, DemoScale } from './demo-plan.types';
import { ORGAN_NAMES, TOWNSHIP_NAMES, URBAN_NAMES, VILLAGE_SYLLABLES } from './demo-names';
import { SeededRandom } from './seeded-random';

/** County organs by department kind, in the shares of the seed reports. */
const ORGAN_KIND_SHARES: [string, number][] = [
  ['party_mass', 0.26],
  ['political_legal', 0.15],
  ['economic', 0.31],
  ['agriculture', 0.18],
  ['other', 0.1],
];
/** The village category each department kind pairs with (the matching principle). */
export const PRINCIPLE_CATEGORY: Record<string, string> = {
  party_mass: 'weak_lax',
  political_legal: 'disorderly',
  economic: 'poor',
  agriculture: 'industry_demo',
};
const SECONDARY_CATEGORIES = ['old_revolutionary_base', 'dirty_environment', 'poor', 'weak_lax'];
const OTHER_SECTORS = ['institution', 'enterprise', 'school', 'hospital', 'new_economic_social'];

export interface DemoOrganizations {
  committees: DemoOrganization[];
  villages: DemoOrganization[];
  communities: DemoOrganization[];
  organs: DemoOrganization[];
  otherUrban: DemoOrganization[];
  /** Villages that take part in pairings, each with its categories. */
  pairable: DemoOrganization[];
  categories: Map<string, string[]>;
  memberCounts: Map<string, number>;
  all: DemoOrganization[];
}

const pad = (n: number, width = 3) => String(n).padStart(width, '0');

function shares(total: number, weights: [string, number][]): string[] {
  const list: string[] = [];
  for (const [kind, share] of weights) {
    for (let i = 0; i < Math.round(total * share); i++) list.push(kind);
  }
  while (list.length < total) list.push(weights[0][0]);
  return list.slice(0, total);
}

export function planOrganizations(random: SeededRandom, scale: DemoScale): DemoOrganizations {
  // A township committee is sector `township` once the vocabulary has it, an organ before.
  const townshipSector = (SECTORS as readonly string[]).includes('township') ? 'township' : 'organ';
  const committees = Array.from({ length: scale.townships }, (_, i) => {
    const township = `T${pad(i + 1, 2)}`;
    const org: DemoOrganization = {
      id: `${township}-committee`,
      name: `${TOWNSHIP_NAMES[i % TOWNSHIP_NAMES.length]}镇党委`,
      level: 'committee',
      sector: townshipSector,
      township,
    };
    if (townshipSector === 'organ') org.departmentKind = 'other';
    return org;
  });
  const villages = Array.from({ length: scale.villages }, (_, i) => {
    const committee = committees[i % committees.length];
    const name = `${random.pick(VILLAGE_SYLLABLES)}${random.pick(VILLAGE_SYLLABLES)}村`;
    return {
      id: `${committee.township}-v${pad(i + 1)}`,
      name: `${committee.name.replace('党委', '')}${name}党支部`,
      level: 'branch',
      sector: 'village',
      township: committee.township,
      parentId: committee.id,
    };
  });
  const communities = committees.flatMap((committee) =>
    Array.from({ length: scale.communitiesPerTownship }, (_, i) => ({
      id: `${committee.township}-c${pad(i + 1)}`,
      name: `${committee.name.replace('党委', '')}第${i + 1}社区党支部`,
      level: 'branch',
      sector: 'community',
      township: committee.township,
      parentId: committee.id,
    })),
  );
  const organs = random.shuffle(shares(scale.organs, ORGAN_KIND_SHARES)).map((kind, i) => ({
    id: `organ-${pad(i + 1)}`,
    name: `${random.pick(ORGAN_NAMES[kind])}第${(i % 9) + 1}党支部`,
    level: 'branch',
    sector: 'organ',
    departmentKind: kind,
    township: 'T00',
  }));
  const otherUrban = Array.from({ length: scale.otherUrban }, (_, i) => {
    const sector = OTHER_SECTORS[i % OTHER_SECTORS.length];
    return {
      id: `urban-${pad(i + 1)}`,
      name: `${random.pick(URBAN_NAMES[sector])}第${(i % 7) + 1}党支部`,
      level: 'branch',
      sector,
      township: 'T00',
    };
  });

  // Paired villages carry the categories the organs' kinds call for, in proportion to them.
  const pairable = random.sample(villages, scale.pairedVillages);
  const categories = new Map<string, string[]>();
  const kinds = shares(pairable.length, ORGAN_KIND_SHARES);
  pairable.forEach((village, i) => {
    const primary = PRINCIPLE_CATEGORY[kinds[i]] ?? random.pick(SECONDARY_CATEGORIES);
    const list = new Set([primary]);
    if (random.chance(0.3)) list.add(random.pick(SECONDARY_CATEGORIES));
    categories.set(village.id, [...list].sort());
  });
  for (const village of villages) {
    if (!categories.has(village.id) && random.chance(0.5)) {
      categories.set(village.id, [random.pick(SECONDARY_CATEGORIES)]);
    }
  }

  const memberCounts = new Map<string, number>();
  for (const org of [...committees, ...villages, ...communities, ...organs, ...otherUrban]) {
    const [min, max] =
      org.sector === 'village'
        ? [28, 62]
        : org.sector === 'community'
          ? [40, 80]
          : org.level === 'committee'
            ? [15, 25]
            : org.sector === 'organ'
              ? [8, 20]
              : [5, 15];
    memberCounts.set(org.id, random.int(min, max));
  }
  return {
    committees,
    villages,
    communities,
    organs,
    otherUrban,
    pairable,
    categories,
    memberCounts,
    all: [...committees, ...villages, ...communities, ...organs, ...otherUrban],
  };
}

const single = (command: DemoCommand): DemoChain => [command];

export const registrations = (orgs: readonly DemoOrganization[]): DemoChain[] =>
  orgs.map((org) => single({ key: `org:${org.id}`, path: '/organizations', body: { ...org } }));

/** Categories, collective income (村集体经济收入) and member counts of the two years. */
export function organizationFacts(
  random: SeededRandom,
  orgs: DemoOrganizations,
  years: readonly number[],
): DemoChain[] {
  const chains: DemoChain[] = [];
  for (const [id, list] of orgs.categories) {
    chains.push(
      single({
        key: `categories:${id}`,
        path: `/organizations/${id}/categories`,
        body: { categories: list, reason: '年度分类认定' },
      }),
    );
  }
  for (const village of orgs.villages) {
    for (const year of years) {
      const band = random.next();
      const wan =
        band < 0.15
          ? random.int(1, 4)
          : band < 0.55
            ? random.int(5, 9)
            : band < 0.9
              ? random.int(10, 49)
              : band < 0.98
                ? random.int(50, 99)
                : random.int(100, 300);
      chains.push(
        single({
          key: `income:${village.id}:${year}`,
          path: `/organizations/${village.id}/collective-income`,
          body: { year, amountFen: wan * 1_000_000 + random.int(0, 9_999) * 100 },
        }),
      );
    }
  }
  for (const org of orgs.all) {
    const base = orgs.memberCounts.get(org.id)!;
    years.forEach((year, i) => {
      const count = base - (years.length - 1 - i) * random.int(0, 2);
      const rural = org.sector === 'village' ? { ruralCount: count } : {};
      chains.push(
        single({
          key: `member-count:${org.id}:${year}`,
          path: `/organizations/${org.id}/member-count`,
          body: { year, count, ...rural },
        }),
      );
    });
  }
  return chains;
}
