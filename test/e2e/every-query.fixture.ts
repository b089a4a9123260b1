import type { ReadModelReader } from '@gongjian/projections';
import type { AuthenticatedActor } from '../../apps/api/src/http/auth/api-key';
import type { PersonalDataCipher } from '../../apps/api/src/personal-data/personal-data.cipher';
import {
  ListAuditEventsHandler,
  ListAuditEventsQuery,
} from '../../apps/api/src/modules/audit/queries/list-audit-events.handler';
import {
  FundsSummaryHandler,
  FundsSummaryQuery,
} from '../../apps/api/src/modules/funds/queries/funds-summary.handler';
import {
  GetAllocationHandler,
  GetAllocationQuery,
} from '../../apps/api/src/modules/funds/queries/get-allocation.handler';
import {
  GetBudgetHandler,
  GetBudgetQuery,
} from '../../apps/api/src/modules/funds/queries/get-budget.handler';
import {
  ListAllocationsHandler,
  ListAllocationsQuery,
} from '../../apps/api/src/modules/funds/queries/list-allocations.handler';
import {
  GetMemberHandler,
  GetMemberQuery,
} from '../../apps/api/src/modules/members/queries/get-member.handler';
import {
  ListMembersHandler,
  ListMembersQuery,
} from '../../apps/api/src/modules/members/queries/list-members.handler';
import {
  MemberStatisticsHandler,
  MemberStatisticsQuery,
} from '../../apps/api/src/modules/members/queries/member-statistics.handler';
import {
  GetOrganizationHandler,
  GetOrganizationQuery,
} from '../../apps/api/src/modules/organizations/queries/get-organization.handler';
import {
  ListOrganizationsHandler,
  ListOrganizationsQuery,
} from '../../apps/api/src/modules/organizations/queries/list-organizations.handler';
import {
  GetPairingHandler,
  GetPairingQuery,
} from '../../apps/api/src/modules/pairings/queries/get-pairing.handler';
import {
  ListPairingsHandler,
  ListPairingsQuery,
} from '../../apps/api/src/modules/pairings/queries/list-pairings.handler';
import {
  GetProjectHandler,
  GetProjectQuery,
} from '../../apps/api/src/modules/projects/queries/get-project.handler';
import {
  ListProjectsHandler,
  ListProjectsQuery,
} from '../../apps/api/src/modules/projects/queries/list-projects.handler';

import { InProcessJobQueue } from '@gongjian/jobs';
import {
  GetEvaluationHandler,
  GetEvaluationQuery,
} from '../../apps/api/src/modules/ratings/queries/get-evaluation.handler';
import {
  ListRatingsHandler,
  ListRatingsQuery,
} from '../../apps/api/src/modules/ratings/queries/list-ratings.handler';
import {
  OrganizationRatingsHandler,
  OrganizationRatingsQuery,
} from '../../apps/api/src/modules/ratings/queries/organization-ratings.handler';
import {
  GetRuleSetHandler,
  GetRuleSetQuery,
  ListRuleSetsHandler,
  ListRuleSetsQuery,
} from '../../apps/api/src/modules/ratings/queries/rule-sets.handlers';
import { SerializedPage } from '../../apps/api/src/read-side/serialized-page';

export const ACTORS: Record<string, AuthenticatedActor> = {
  admin: { id: 'admin:county', role: 'admin', townships: [] },
  operatorT01: { id: 'operator:clerk-t01', role: 'operator', townships: ['T01'] },
  inspector: { id: 'inspector:audit', role: 'inspector', townships: [] },
};

type Page = { items: Record<string, unknown>[]; nextCursor: string | null };
/** A page as a client receives it (a serialized page is parsed from its bytes). */
const asSent = (page: SerializedPage): Page => JSON.parse(page.toBuffer().toString('utf8'));
type List = (filters: Record<string, unknown>, actor: AuthenticatedActor) => Promise<Page>;

/** Every list of the API with its filters, as handlers answer them from read models. */
export function lists(
  reader: ReadModelReader,
  cipher: PersonalDataCipher,
): Record<string, { run: List; filters: Record<string, unknown>[] }> {
  return {
    organizations: {
      run: (f, a) => new ListOrganizationsHandler(reader).execute(new ListOrganizationsQuery(f, a)),
      filters: [
        {},
        { township: 'T01' },
        { sector: 'village' },
        { sector: 'organ', township: 'T02' },
        { category: 'weak_lax' },
        { category: 'hollow_economy', township: 'T01' },
        { stars: 5 },
      ],
    },
    pairings: {
      run: async (f, a) =>
        asSent(await new ListPairingsHandler(reader).execute(new ListPairingsQuery(f, a))),
      filters: [
        {},
        { organizationId: 'org-01' },
        { organizationId: 'v-03' },
        { status: 'active' },
        { status: 'dissolved' },
        { status: 'expired' },
        { township: 'T01' },
        { township: 'T02', status: 'active' },
      ],
    },
    projects: {
      run: (f, a) => new ListProjectsHandler(reader).execute(new ListProjectsQuery(f, a)),
      filters: [
        {},
        { pairingId: 'p-2' },
        { category: 'infrastructure' },
        { township: 'T01' },
        { township: 'T03', category: 'economic_development' },
      ],
    },
    allocations: {
      run: (f, a) => new ListAllocationsHandler(reader).execute(new ListAllocationsQuery(f, a)),
      filters: [
        {},
        { recipientOrganizationId: 'v-01' },
        { year: 2025 },
        { year: 2026, source: 'county_finance' },
        { purpose: 'service_center' },
        { source: 'township_subsidy', purpose: 'operating_funds' },
      ],
    },
    members: {
      run: (f, a) => new ListMembersHandler(reader, cipher).execute(new ListMembersQuery(f, a)),
      filters: [
        {},
        { organizationId: 'v-01' },
        { stage: 'activist' },
        { stage: 'probationary' },
        { overdue: 'true' },
        { overdue: 'false' },
        { organizationId: 'v-03', overdue: 'true' },
      ],
    },
    ratings: {
      run: async (f, a) =>
        asSent(await new ListRatingsHandler(reader).execute(new ListRatingsQuery(f, a))),
      filters: [
        {},
        { period: '2025' },
        { period: '2025', stars: 3 },
        { stars: 5 },
        { township: 'T02' },
        { period: '2024', township: 'T01' },
        { period: '2025', township: 'T03', stars: 2 },
      ],
    },
    'ratings of v-02': {
      run: (f, a) =>
        new OrganizationRatingsHandler(reader).execute(new OrganizationRatingsQuery('v-02', f, a)),
      filters: [{}],
    },
    'ratings of v-04': {
      run: (f, a) =>
        new OrganizationRatingsHandler(reader).execute(new OrganizationRatingsQuery('v-04', f, a)),
      filters: [{}],
    },
    'rule sets': {
      run: (f) => new ListRuleSetsHandler(reader).execute(new ListRuleSetsQuery(f)),
      filters: [{}],
    },
    'audit events': {
      run: (f) => new ListAuditEventsHandler(reader, cipher).execute(new ListAuditEventsQuery(f)),
      filters: [
        {},
        { streamId: 'pairing-p-1' },
        { organizationId: 'v-02' },
        { type: 'AllocationOpened' },
        { actor: 'admin:county' },
        { from: '2026-01-05T01:05:00.000Z', to: '2026-01-05T01:09:00Z' },
        { organizationId: 'org-01', type: 'BranchPaired' },
      ],
    },
  };
}

/** One answer or the error code it gives. */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    return { error: (error as { code?: string }).code ?? (error as Error).name };
  }
}

/** Every page of a list, `limit` at a time. */
export async function walk(
  run: List,
  filters: Record<string, unknown>,
  actor: AuthenticatedActor,
  limit: number,
) {
  const items: Page['items'] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await run({ ...filters, limit, ...(cursor !== undefined && { cursor }) }, actor);
    items.push(...page.items);
    if (page.nextCursor === null) return items;
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end');
}

/** The answer to every filter of every GET endpoint, for every role, keyed by a readable label. */
export async function answerEveryQuery(
  reader: ReadModelReader,
  cipher: PersonalDataCipher,
): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  for (const [name, { run, filters }] of Object.entries(lists(reader, cipher))) {
    for (const f of filters) {
      for (const [role, actor] of Object.entries(ACTORS)) {
        answers[`${name} ${JSON.stringify(f)} as ${role}`] = await outcome(() =>
          run({ ...f, limit: 500 }, actor),
        );
        answers[`${name} ${JSON.stringify(f)} as ${role}, 4 a page`] = await outcome(() =>
          walk(run, f, actor, 4),
        );
      }
    }
  }
  // Finished runs are answered from the read model alone; an empty queue has no job to ask.
  const jobs = new InProcessJobQueue({ concurrency: 1, attempts: 1, backoffMs: 0 });
  const byId: [string, string[], (id: string, actor: AuthenticatedActor) => Promise<unknown>][] = [
    [
      'organization',
      ['v-00', 'v-01', 'org-00', 'nobody'],
      (id, a) => new GetOrganizationHandler(reader).execute(new GetOrganizationQuery(id, a)),
    ],
    [
      'pairing',
      ['p-0', 'p-1', 'p-2', 'p-5', 'p-7', 'nobody'],
      (id, a) => new GetPairingHandler(reader).execute(new GetPairingQuery(id, a)),
    ],
    [
      'project',
      ['pr-0', 'pr-1', 'nobody'],
      (id, a) => new GetProjectHandler(reader).execute(new GetProjectQuery(id, a)),
    ],
    [
      'allocation',
      ['a-00', 'a-01', 'a-13', 'nobody'],
      (id, a) => new GetAllocationHandler(reader).execute(new GetAllocationQuery(id, a)),
    ],
    [
      'budget',
      ['2026-county_finance', 'nobody'],
      (id, a) => new GetBudgetHandler(reader).execute(new GetBudgetQuery(id, a)),
    ],
    [
      'rule set',
      ['county-default', 'county-pilot', 'nobody'],
      (id) => new GetRuleSetHandler(reader).execute(new GetRuleSetQuery(id)),
    ],
    [
      'evaluation run',
      ['2025-county-default-v2-ok', '2025-county-default-v2-failed', 'nobody'],
      (id) => new GetEvaluationHandler(reader, jobs).execute(new GetEvaluationQuery(id)),
    ],
    [
      'member',
      ['m-00', 'm-03', 'm-10', 'nobody'],
      (id, a) => new GetMemberHandler(reader, cipher).execute(new GetMemberQuery(id, a)),
    ],
  ];
  for (const [name, ids, get] of byId) {
    for (const id of ids) {
      for (const [role, actor] of Object.entries(ACTORS)) {
        answers[`${name} ${id} as ${role}`] = await outcome(() => get(id, actor));
      }
    }
  }
  for (const year of [2025, 2026]) {
    for (const groupBy of ['recipient', 'source', 'township', 'purpose'] as const) {
      for (const [role, actor] of Object.entries(ACTORS)) {
        answers[`funds summary ${year} by ${groupBy} as ${role}`] = await outcome(() =>
          new FundsSummaryHandler(reader).execute(new FundsSummaryQuery({ year, groupBy }, actor)),
        );
      }
    }
  }
  for (const f of [
    {},
    { year: 2024 },
    { year: 2025 },
    { year: 2026, township: 'T01' },
    { organizationId: 'v-03' },
    { organizationId: 'v-11', year: 2025 },
  ]) {
    for (const [role, actor] of Object.entries(ACTORS)) {
      answers[`member statistics ${JSON.stringify(f)} as ${role}`] = await outcome(() =>
        new MemberStatisticsHandler(reader).execute(new MemberStatisticsQuery(f, actor)),
      );
    }
  }
  return answers;
}
