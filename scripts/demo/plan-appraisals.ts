import { DemoChain } from './demo-plan.types';
import { DemoOrganizations } from './plan-organizations';
import { SeededRandom } from './seeded-random';

/**
 * 民主评议: each village's democratic appraisal score for the year, the input of its star rating
 * that no other record provides.
 */
export function appraisalChains(
  random: SeededRandom,
  orgs: DemoOrganizations,
  year: number,
): DemoChain[] {
  return orgs.villages.map((village) => [
    {
      key: `appraisal:${village.id}:${year}`,
      path: `/organizations/${village.id}/appraisal`,
      body: { period: String(year), score: random.int(55, 98), respondents: random.int(30, 120) },
    },
  ]);
}
