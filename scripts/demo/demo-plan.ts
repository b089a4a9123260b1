import { DemoPlan, DemoScale } from './demo-plan.types';
import { lastCompleteMonthEnd } from './demo-dates';
import { allocationChains, budgetChains, projectChains } from './plan-funds';
import { memberChains } from './plan-members';
import { organizationFacts, planOrganizations, registrations } from './plan-organizations';
import { appraisalChains } from './plan-appraisals';
import { activityChains, firstSecretaries, pairingCommands, planPairings } from './plan-pairings';
import { SeededRandom } from './seeded-random';

/**
 * The demo county as commands, deterministic from the seed and the last complete month: the
 * same seed in the same month plans the same bodies with the same keys, so a re-run continues.
 */
export function planDemoCounty(seed: number, scale: DemoScale, now: Date = new Date()): DemoPlan {
  const random = new SeededRandom(seed);
  const lastDay = lastCompleteMonthEnd(now);
  const year = Number(lastDay.slice(0, 4));
  const years = [year - 1, year];
  const orgs = planOrganizations(random, scale);
  const pairings = planPairings(random, orgs, scale, year, lastDay);
  const members = memberChains(random, orgs, pairings, scale, year, lastDay);
  const projects = projectChains(random, pairings, scale, lastDay);
  const projectCount = projects.length;
  const phases = [
    { name: 'township committees', chains: registrations(orgs.committees) },
    {
      name: 'organizations',
      chains: registrations([
        ...orgs.villages,
        ...orgs.communities,
        ...orgs.organs,
        ...orgs.otherUrban,
      ]),
    },
    { name: 'categories, income, member counts', chains: organizationFacts(random, orgs, years) },
    { name: 'pairings', chains: pairingCommands(random, pairings) },
    {
      name: 'first secretaries and budgets',
      chains: [...firstSecretaries(random, orgs, pairings, scale, year), ...budgetChains(years)],
    },
    {
      name: 'allocations, projects, members, activities',
      chains: [
        ...allocationChains(random, orgs, pairings, years, lastDay),
        ...projects,
        ...members.chains,
        ...activityChains(random, pairings, scale, lastDay),
      ],
    },
    // Last, so that the county planned before it stays the same for a seed.
    { name: 'appraisal scores', chains: appraisalChains(random, orgs, year) },
  ];
  return {
    seed,
    year,
    lastDay,
    phases,
    expected: {
      organizations: orgs.all.length,
      villages: orgs.villages.length,
      pairings: pairings.length,
      pairedVillages: new Set(pairings.map((p) => p.rural.id)).size,
      overridden: pairings.filter((p) => !p.principleMatched).length,
      projects: projectCount,
      members: members.members,
      commands: phases.reduce((n, phase) => n + phase.chains.reduce((m, c) => m + c.length, 0), 0),
    },
  };
}
