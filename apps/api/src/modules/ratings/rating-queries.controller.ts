import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedActor } from '../../http/auth/api-key';
import { CurrentActor } from '../../http/auth/current-actor.decorator';
import { Roles } from '../../http/auth/roles.decorator';
import { PagedQueryDto, ReadQueryDto } from '../../read-side/paged-query.dto';
import { SerializedPageInterceptor } from '../../read-side/serialized-page.interceptor';
import { GetEvaluationQuery } from './queries/get-evaluation.handler';
import { ListRatingsQuery } from './queries/list-ratings.handler';
import { ListRatingsQueryDto } from './queries/list-ratings.query.dto';
import { OrganizationRatingsQuery } from './queries/organization-ratings.handler';
import { GetRuleSetQuery, ListRuleSetsQuery } from './queries/rule-sets.handlers';

@ApiTags('star ratings (星级评定)')
@ApiBearerAuth()
@Controller('api/v1')
export class RatingQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get('ratings')
  @Roles('operator', 'inspector')
  @UseInterceptors(SerializedPageInterceptor)
  @ApiOperation({
    summary: 'Ratings by period, stars and township',
    description:
      'Each with score and points (two decimals) beside their hundredths (`scoreCenti`, ' +
      '`pointsCenti`), every indicator with its evidence, vetoes, limits and the public notice. ' +
      '`status`: provisional during the notice, then final, or revoked (stars null).',
  })
  list(@Query() filters: ListRatingsQueryDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.queries.execute(new ListRatingsQuery(filters, actor));
  }

  @Get('organizations/:id/ratings')
  @Roles('operator', 'inspector')
  @ApiOperation({
    summary: 'A branch’s rating history, with evidence, change and improvement plan',
  })
  organizationRatings(
    @Param('id') id: string,
    @Query() paging: PagedQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    return this.queries.execute(new OrganizationRatingsQuery(id, paging, actor));
  }

  @Get('rule-sets')
  @Roles('operator', 'inspector', 'scheduler')
  @ApiOperation({ summary: 'Every rule set with its versions and hashes' })
  ruleSets(@Query() paging: PagedQueryDto) {
    return this.queries.execute(new ListRuleSetsQuery(paging));
  }

  @Get('rule-sets/:id')
  @Roles('operator', 'inspector', 'scheduler')
  @ApiOperation({ summary: 'Every version of a rule set, with its rules and hash' })
  ruleSet(@Param('id') id: string, @Query() query: ReadQueryDto) {
    return this.queries.execute(new GetRuleSetQuery(id, query.minPosition));
  }

  @Get('evaluations/:runId')
  @Roles('operator', 'inspector', 'scheduler')
  @ApiOperation({ summary: 'An evaluation run: status, progress and, once completed, stars' })
  evaluation(@Param('runId') runId: string, @Query() query: ReadQueryDto) {
    return this.queries.execute(new GetEvaluationQuery(runId, query.minPosition));
  }
}
