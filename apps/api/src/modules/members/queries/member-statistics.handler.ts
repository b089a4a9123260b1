import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  MEMBER_STATISTICS,
  ORGANIZATIONS,
  READ_MODEL_READER,
  type ReadModelReader,
} from '@gongjian/projections';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import { awaitPosition } from '../../../read-side/read-your-writes';
import {
  assertReadableBy,
  isTownshipScoped,
  townshipFilter,
} from '../../../read-side/township-scope.filter';
import type { MemberStatisticsQueryDto } from './member-statistics.query.dto';

export class MemberStatisticsQuery {
  constructor(
    readonly filters: MemberStatisticsQueryDto,
    readonly actor: AuthenticatedActor,
  ) {}
}

const STAGE_FIELDS = [
  'applicants',
  'activists',
  'developmentTargets',
  'probationary',
  'fullMembers',
] as const;

/**
 * Members in each stage at the end of `year` (now, without a year) and those admitted as
 * probationary members in it (ever, without a year), for an organization, a township or the
 * whole scope: the sum of the statistics rows of the years up to it.
 */
@QueryHandler(MemberStatisticsQuery)
export class MemberStatisticsHandler implements IQueryHandler<MemberStatisticsQuery> {
  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  async execute({ filters, actor }: MemberStatisticsQuery) {
    await awaitPosition(this.reader, filters.minPosition);
    const { year, organizationId, township } = filters;
    if (organizationId !== undefined) await this.assertOrganizationReadable(actor, organizationId);
    const statistics = await this.reader.collection('member-statistics', MEMBER_STATISTICS);
    const rows = await statistics.find({
      ...townshipFilter(actor, 'township', township),
      ...(organizationId !== undefined && { organizationId }),
      ...(year !== undefined && { year: { $lte: year } }),
    });
    const totals = Object.fromEntries(STAGE_FIELDS.map((field) => [field, 0])) as Record<
      (typeof STAGE_FIELDS)[number] | 'admitted',
      number
    >;
    totals.admitted = 0;
    for (const row of rows) {
      for (const field of STAGE_FIELDS) totals[field] += row[field] as number;
      if (year === undefined || row.year === year) totals.admitted += row.admitted as number;
    }
    return {
      ...(year !== undefined && { year }),
      ...(organizationId !== undefined && { organizationId }),
      ...(township !== undefined && { township }),
      ...totals,
    };
  }

  /** An operator asking for an organization outside its townships gets 403, not zeros. */
  private async assertOrganizationReadable(actor: AuthenticatedActor, organizationId: string) {
    if (!isTownshipScoped(actor)) return;
    const organizations = await this.reader.collection('organizations', ORGANIZATIONS);
    const organization = await organizations.findById(organizationId);
    assertReadableBy(actor, organization ? [organization.township as string] : []);
  }
}
