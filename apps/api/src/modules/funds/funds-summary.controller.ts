import { Controller, Get, Inject, Query } from '@nestjs/common';
import type { FundingStandardsConfig } from '@gongjian/domain';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedActor } from '../../http/auth/api-key';
import { CurrentActor } from '../../http/auth/current-actor.decorator';
import { Roles } from '../../http/auth/roles.decorator';
import { FundsSummaryQuery } from './queries/funds-summary.handler';
import { FundsSummaryQueryDto } from './queries/funds-summary.query.dto';
import { FUNDING_STANDARDS } from './queries/funding-standards.source';

@ApiTags('funds (经费)')
@ApiBearerAuth()
@Controller('api/v1/funds')
export class FundsSummaryController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(FUNDING_STANDARDS) private readonly standards: FundingStandardsConfig,
  ) {}

  @Get('summary')
  @Roles('operator', 'inspector')
  @ApiOperation({
    summary:
      'Allocated, disbursed, spent and remaining for a year, by recipient, source, township or purpose',
    description:
      'By recipient, with the funding standards met or not, for every organization a standard applies to in the year, funded or not.',
  })
  summary(@Query() filters: FundsSummaryQueryDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.queries.execute(new FundsSummaryQuery(filters, actor, this.standards));
  }
}
