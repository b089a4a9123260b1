import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedActor } from '../../http/auth/api-key';
import { CurrentActor } from '../../http/auth/current-actor.decorator';
import { Roles } from '../../http/auth/roles.decorator';
import { ReadQueryDto } from '../../read-side/paged-query.dto';
import { SerializedPageInterceptor } from '../../read-side/serialized-page.interceptor';
import { GetPairingQuery } from './queries/get-pairing.handler';
import { ListPairingsQuery } from './queries/list-pairings.handler';
import { ListPairingsQueryDto } from './queries/list-pairings.query.dto';

@ApiTags('pairings (结对共建)')
@ApiBearerAuth()
@Controller('api/v1/pairings')
export class PairingQueriesController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('operator', 'inspector')
  @UseInterceptors(SerializedPageInterceptor)
  @ApiOperation({ summary: 'Pairings by organization (either side), status and township' })
  list(@Query() filters: ListPairingsQueryDto, @CurrentActor() actor: AuthenticatedActor) {
    return this.queries.execute(new ListPairingsQuery(filters, actor));
  }

  @Get(':id')
  @Roles('operator', 'inspector')
  @ApiOperation({
    summary: 'One pairing',
    description: 'With activities per month against the targets and commitments against delivery.',
  })
  get(
    @Param('id') id: string,
    @Query() query: ReadQueryDto,
    @CurrentActor() actor: AuthenticatedActor,
  ) {
    return this.queries.execute(new GetPairingQuery(id, actor, query.minPosition));
  }
}
