import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  NotFoundError,
  organizationDecider,
  organizationStreamId,
  RegisteredOrganization,
} from '@gongjian/domain';
import { assertInScope } from '../../../http/auth/township-scope';
import { DecisionRunner } from '@gongjian/write-side';
import { GetOrganizationQuery } from './get-organization.query';

/** Answered from the organization's stream until the read models arrive; operators read their townships. */
@QueryHandler(GetOrganizationQuery)
export class GetOrganizationHandler implements IQueryHandler<GetOrganizationQuery> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ organizationId, actor }: GetOrganizationQuery) {
    const { state, revision } = await this.runner.load(
      organizationStreamId(organizationId),
      organizationDecider,
    );
    if (!state.exists) throw new NotFoundError('organization', organizationId);
    assertInScope(actor, state.township);
    return { ...toOrganizationView(state), revision };
  }
}

function toOrganizationView(s: RegisteredOrganization) {
  const incomeYears = Object.keys(s.collectiveIncome)
    .map(Number)
    .sort((a, b) => b - a);
  return {
    id: s.id,
    name: s.name,
    level: s.level,
    sector: s.sector,
    departmentKind: s.departmentKind,
    township: s.township,
    parentId: s.parentId,
    status: s.status,
    categories: s.categories,
    collectiveIncome: incomeYears.length
      ? { year: incomeYears[0], amountFen: s.collectiveIncome[incomeYears[0]] }
      : undefined,
    memberCounts: Object.entries(s.memberCounts)
      .map(([year, c]) => ({ year: Number(year), ...c }))
      .sort((a, b) => a.year - b.year),
    firstSecretary: s.firstSecretary,
    activePairingIds: Object.keys(s.pairingLinks),
  };
}
