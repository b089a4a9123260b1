import { ForbiddenException, Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  assessStandardsForYear,
  DEFAULT_FUNDING_STANDARDS,
  FundPurpose,
  FundingStandardsConfig,
} from '@gongjian/domain';
import {
  FUNDS_ORGANIZATIONS,
  FUNDS_SUMMARY,
  READ_MODEL_READER,
  type ReadModelReader,
} from '@gongjian/projections';
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
 * the rows the funds summary read model keeps. By recipient, with the standards met or not: every
 * recipient funded in the year and every organization a standard applies to for the year (who is
 * assessed as in the funds report), unfunded ones with zero amounts; by township, the sum of its
 * recipients' rows. Operators read recipients and townships of their scope; county-wide
 * groupings (source, purpose) need a county-wide key.
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
    const scope = townshipFilter(actor, 'township');
    if (groupBy === 'township') {
      const funded = await rows.find(
        { year, groupBy: 'recipient', funded: true, ...scope },
        { sort },
      );
      return { year, groupBy, items: byTownship(funded) };
    }
    const organizations = await this.reader.collection('funds-summary', FUNDS_ORGANIZATIONS);
    const [recipientRows, known] = await Promise.all([
      rows.find({ year, groupBy: 'recipient', ...scope }),
      organizations.find(scope),
    ]);
    const rowOf = new Map(recipientRows.map((row) => [row.key as string, row]));
    const organizationOf = new Map(known.map((organization) => [organization._id, organization]));
    const keys = [...new Set([...rowOf.keys(), ...organizationOf.keys()])].sort();
    const items = [];
    for (const key of keys) {
      const item = recipientItem(key, year, standards, rowOf.get(key), organizationOf.get(key));
      if (item) items.push(item);
    }
    return { year, groupBy, items };
  }
}

/**
 * A recipient's item for the year: when it was funded in the year, or when a standard applies to
 * it (the same rule as the funds report's); undefined otherwise.
 */
function recipientItem(
  key: string,
  year: number,
  standards: FundingStandardsConfig,
  row: ReadDocument | undefined,
  organization: ReadDocument | undefined,
) {
  const funded = row?.funded === true;
  const sector = (row?.sector ?? organization?.sector) as string | undefined;
  const township = (row?.township ?? organization?.township) as string | undefined;
  const memberCount = row?.memberCount as number | undefined;
  const assessed = assessStandardsForYear(standards, year, {
    registeredOn: organization?.registeredOn as string | undefined,
    funded,
    recipientSector: sector ?? 'unknown',
    memberCount,
    totalsByPurposeFen: (row?.allocatedByPurposeFen ?? {}) as Partial<Record<FundPurpose, number>>,
  });
  if (!funded && assessed.length === 0) return undefined;
  return {
    key,
    ...(township !== undefined && { township }),
    ...(sector !== undefined && { sector }),
    ...(memberCount !== undefined && { memberCount }),
    ...amounts(row ?? { allocatedFen: 0, disbursedFen: 0, spentFen: 0 }),
    standards: assessed,
  };
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
