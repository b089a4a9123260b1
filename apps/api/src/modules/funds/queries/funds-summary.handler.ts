import { ForbiddenException, Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  assessStandards,
  DEFAULT_FUNDING_STANDARDS,
  FundPurpose,
  FundingStandardsConfig,
} from '@gongjian/domain';
import { FUNDS_SUMMARY, READ_MODEL_READER, type ReadModelReader } from '@gongjian/projections';
import type { ReadDocument } from '@gongjian/read-store';
import type { AuthenticatedActor } from '../../../http/auth/api-key';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { townshipFilter } from '../../../read-side/township-scope.filter';
import type { FundsSummaryQueryDto } from './funds-summary.query.dto';

export class FundsSummaryQuery {
  constructor(
    readonly filters: FundsSummaryQueryDto,
    readonly actor: AuthenticatedActor,
    readonly standards: FundingStandardsConfig = DEFAULT_FUNDING_STANDARDS,
  ) {}
}

interface Amounts {
  allocatedFen: number;
  disbursedFen: number;
  spentFen: number;
}

/**
 * Allocated, disbursed, spent and remaining (allocated − spent) per group key for a year, from
 * the rows the funds summary read model keeps. By recipient, with the standards met or not;
 * by township, the sum of its recipients' rows. Operators read recipients and townships of their
 * scope; county-wide groupings (source, purpose) need a county-wide key.
 */
@QueryHandler(FundsSummaryQuery)
export class FundsSummaryHandler implements IQueryHandler<FundsSummaryQuery> {
  constructor(@Inject(READ_MODEL_READER) private readonly reader: ReadModelReader) {}

  async execute({ filters, actor, standards }: FundsSummaryQuery) {
    await awaitPosition(this.reader, filters.minPosition);
    const { year, groupBy } = filters;
    const rows = await this.reader.collection('funds-summary', FUNDS_SUMMARY);
    const sort = [['_id', 1]] as const;
    if (groupBy === 'source' || groupBy === 'purpose') {
      if (actor.role === 'operator' && !actor.townships.includes('*')) {
        throw new ForbiddenException(`the funds summary by ${groupBy} covers the whole county`);
      }
      const found = await rows.find({ year, groupBy, funded: true }, { sort });
      return { year, groupBy, items: found.map((row) => ({ key: row.key, ...amounts(row) })) };
    }
    const recipients = await rows.find(
      { year, groupBy: 'recipient', funded: true, ...townshipFilter(actor, 'township') },
      { sort },
    );
    if (groupBy === 'township') return { year, groupBy, items: byTownship(recipients) };
    return {
      year,
      groupBy,
      items: recipients.map((row) => ({
        key: row.key,
        ...(row.township !== undefined && { township: row.township }),
        ...(row.sector !== undefined && { sector: row.sector }),
        ...(row.memberCount !== undefined && { memberCount: row.memberCount }),
        ...amounts(row),
        standards: assessStandards(standards, {
          recipientSector: (row.sector as string | undefined) ?? 'unknown',
          memberCount: row.memberCount as number | undefined,
          totalsByPurposeFen: row.allocatedByPurposeFen as Partial<Record<FundPurpose, number>>,
        }),
      })),
    };
  }
}

function amounts(row: Amounts | ReadDocument) {
  const { allocatedFen, disbursedFen, spentFen } = row as Amounts;
  return { allocatedFen, disbursedFen, spentFen, remainingFen: allocatedFen - spentFen };
}

function byTownship(recipients: readonly ReadDocument[]) {
  const totals = new Map<string, Amounts>();
  for (const row of recipients) {
    const key = (row.township as string | undefined) ?? 'unknown';
    const sum = totals.get(key) ?? { allocatedFen: 0, disbursedFen: 0, spentFen: 0 };
    sum.allocatedFen += row.allocatedFen as number;
    sum.disbursedFen += row.disbursedFen as number;
    sum.spentFen += row.spentFen as number;
    totals.set(key, sum);
  }
  return [...totals.keys()].sort().map((key) => ({ key, ...amounts(totals.get(key) as Amounts) }));
}
