import { addDays, addMonths, addYears } from '@gongjian/domain';
import { dateBetween, mondayAfter } from './demo-dates';
import { DemoChain, DemoCommand, DemoPairing, DemoScale } from './demo-plan.types';
import { DemoOrganizations } from './plan-organizations';
import { personName, twoPeople } from './plan-pairings';
import { SeededRandom } from './seeded-random';

const EDUCATION = ['初中', '高中', '中专', '大专', '本科', '研究生'];
const OCCUPATIONS = ['农民', '个体经营', '村医', '教师', '合作社社员', '外出务工'];

type Depth = 'applicant' | 'activist' | 'target' | 'admitted';

/**
 * The development pipeline (发展党员): applicants, activists cultivated for a year or more,
 * development targets and members admitted as probationary, through `/members` and their steps.
 * Every step is dated no later than `lastDay`; a chain stops at the first step that would be.
 */
export function memberChains(
  random: SeededRandom,
  orgs: DemoOrganizations,
  pairings: readonly DemoPairing[],
  scale: DemoScale,
  year: number,
  lastDay: string,
): { chains: DemoChain[]; members: number } {
  const homes = [...orgs.villages, ...orgs.villages, ...orgs.communities, ...orgs.organs];
  const depths: Depth[] = [
    ...Array<Depth>(scale.admissions).fill('admitted'),
    ...Array<Depth>(Math.max(0, scale.developmentTargets - scale.admissions)).fill('target'),
    ...Array<Depth>(Math.max(0, scale.activists - scale.developmentTargets)).fill('activist'),
    ...Array<Depth>(scale.applicants).fill('applicant'),
  ];
  const chains = depths.map((depth, i) => {
    const id = `member-${String(i + 1).padStart(5, '0')}`;
    const home = homes[i % homes.length];
    const partner = pairings.find((p) => p.rural.id === home.id)?.urban.id;
    const migrant = home.sector === 'village' && partner !== undefined && random.chance(0.12);
    const appliedOn = appliedOnFor(random, depth, year, i, scale.admissions);
    const steps = stepsFor(random, depth, appliedOn, home.parentId ?? home.id);
    const chain: DemoCommand[] = [
      {
        key: `member:${id}`,
        path: '/members',
        body: {
          id,
          organizationId: home.id,
          appliedOn,
          person: {
            name: personName(random),
            gender: random.chance(0.4) ? 'female' : 'male',
            birthDate: dateBetween(random, '1976-01-01', '2003-12-31'),
            education: random.pick(EDUCATION),
            occupation: migrant ? '外出务工' : random.pick(OCCUPATIONS),
            ...(migrant ? { migrantWorker: true } : {}),
          },
          ...(migrant ? { partnerOrganizationId: partner } : {}),
        },
      },
      ...steps.map((body, k) => ({
        key: `step:${id}:${k}`,
        path: `/members/${id}/steps`,
        body,
      })),
    ];
    const lastAllowed = chain.findIndex((c, k) => k > 0 && stepDate(c.body) > lastDay);
    return lastAllowed === -1 ? chain : chain.slice(0, lastAllowed);
  });
  return {
    chains: chains.filter((c) => c.length > 0 && stepDate(c[0].body) <= lastDay),
    members: chains.length,
  };
}

function appliedOnFor(
  random: SeededRandom,
  depth: Depth,
  year: number,
  i: number,
  admissions: number,
) {
  if (depth === 'admitted') {
    // Half admitted last year, half this year: an activist year and the procedure before.
    return i < admissions / 2
      ? dateBetween(random, `${year - 3}-09-01`, `${year - 3}-12-31`)
      : dateBetween(random, `${year - 2}-09-01`, `${year - 2}-12-31`);
  }
  if (depth === 'target') return dateBetween(random, `${year - 3}-06-01`, `${year - 2}-06-30`);
  if (depth === 'activist') return dateBetween(random, `${year - 2}-01-01`, `${year}-03-31`);
  return dateBetween(random, `${year}-01-01`, `${year}-10-31`);
}

const stepDate = (body: Record<string, unknown>) => String(body.on ?? body.from ?? body.appliedOn);

function stepsFor(random: SeededRandom, depth: Depth, appliedOn: string, committee: string) {
  const steps: Record<string, unknown>[] = [];
  if (depth === 'applicant') {
    if (random.chance(0.6))
      steps.push({ step: 'interview', on: addDays(appliedOn, random.int(7, 25)) });
    return steps;
  }
  const interviewOn = addDays(appliedOn, random.int(7, 25));
  const activistOn = addDays(interviewOn, random.int(30, 75));
  steps.push(
    { step: 'interview', on: interviewOn, by: '党支部书记' },
    {
      step: 'designate_activist',
      on: activistOn,
      method: 'member_recommendation',
      resolutionRef: `支委会${activistOn}`,
    },
    { step: 'assign_contacts', on: activistOn, contacts: twoPeople(random) },
  );
  if (depth === 'activist') {
    if (random.chance(0.02))
      steps.push({ step: 'withdraw', on: addMonths(activistOn, 4), reason: '本人申请退出' });
    return steps;
  }
  steps.push({ step: 'review_activist', on: addMonths(activistOn, 6), result: 'satisfactory' });
  const targetOn = addDays(addYears(activistOn, 1), random.int(10, 40));
  steps.push(
    { step: 'review_activist', on: addMonths(activistOn, 12), result: 'satisfactory' },
    { step: 'designate_target', on: targetOn, resolutionRef: `支委会${targetOn}` },
  );
  if (depth === 'target') return steps;
  const reviewOn = addDays(targetOn, 20);
  const preReviewOn = addDays(reviewOn, 30);
  const noticeFrom = mondayAfter(preReviewOn);
  // Two weeks: at least 5 official working days even across 国庆 or 春节.
  const noticeTo = addDays(noticeFrom, 13);
  const voteOn = addDays(noticeTo, 3);
  const approveOn = addDays(voteOn, 20);
  steps.push(
    { step: 'assign_sponsors', on: targetOn, sponsors: twoPeople(random) },
    { step: 'political_review', on: reviewOn, passed: true },
    { step: 'training', on: addDays(reviewOn, 5), days: 3, organizer: '县委党校' },
    { step: 'pre_review', on: preReviewOn, by: committee },
    { step: 'public_notice', from: noticeFrom, to: noticeTo },
    {
      step: 'branch_vote',
      on: voteOn,
      eligibleVoters: 30,
      present: 28,
      yesVotes: 26,
      noVotes: 2,
      abstentions: 2,
    },
    { step: 'approval_conversation', on: addDays(voteOn, 10), by: '乡镇党委组织委员' },
    { step: 'approve_admission', on: approveOn, by: committee },
    { step: 'oath', on: addDays(approveOn, 5) },
  );
  return steps;
}
