import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AsOf, replayAsOf } from '@gongjian/audit';
import { EVENT_STORE, EventStore, RecordedEvent } from '@gongjian/event-store';
import { organizationIdsOf, typeLabelOf } from '@gongjian/projections';
import {
  PERSONAL_DATA_CIPHER,
  PersonalDataBinding,
  PersonalDataCipher,
} from '../../../personal-data/personal-data.cipher';
import { HttpProblemError } from '../../../http/problem/http-problem.error';
import { Roles } from '../../../http/auth/roles.decorator';
import { streamNotFound } from '../audit-problems';
import { StreamIdParam } from '../integrity/stream-id.param';
import { maskedEventData } from '../queries/masked-event-data';
import { ReplayQueryDto } from './replay-query.dto';

@ApiTags('audit (审计)')
@ApiBearerAuth()
@Controller('api/v1/audit/streams')
export class AuditReplayController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  @Get(':streamId')
  @Roles('inspector')
  @ApiOperation({
    summary:
      'Replay a stream with the write side’s own fold, as of a revision, position, business time or recording instant',
    description: 'Personal data is masked, in the events and in the state.',
  })
  async replay(@Param() { streamId }: StreamIdParam, @Query() query: ReplayQueryDto) {
    const replay = await replayAsOf(this.store, streamId, asOfFrom(query));
    if (!replay) throw streamNotFound(streamId);
    const masked = (value: unknown) =>
      maskedEventData(value, (sealed, field) =>
        this.cipher.decrypt(sealed, {
          memberId: streamId.replace(/^member-/, ''),
          field: field as PersonalDataBinding['field'],
        }),
      );
    return {
      ...replay,
      state: masked(replay.state),
      events: replay.events.map((event) => auditEvent(event, masked)),
    };
  }
}

function asOfFrom(query: ReplayQueryDto): AsOf {
  const given: AsOf[] = [
    ...(query.asOf !== undefined ? [{ recordedAt: query.asOf }] : []),
    ...(query.asOfOccurredAt !== undefined ? [{ occurredAt: query.asOfOccurredAt }] : []),
    ...(query.asOfRevision !== undefined ? [{ revision: query.asOfRevision }] : []),
    ...(query.asOfPosition !== undefined ? [{ position: query.asOfPosition }] : []),
  ];
  if (given.length > 1) {
    throw new HttpProblemError(
      400,
      'AS_OF_AMBIGUOUS',
      'give at most one of asOf, asOfOccurredAt, asOfRevision, asOfPosition',
    );
  }
  return given[0] ?? { revision: Number.MAX_SAFE_INTEGER };
}

/** API.md, Audit event. */
function auditEvent(event: RecordedEvent, masked: (value: unknown) => unknown) {
  return {
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
    eventId: event.eventId,
    type: event.type,
    typeLabel: typeLabelOf(event.type),
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
    actor: event.metadata.actor,
    organizationIds: organizationIdsOf(event),
    data: masked(event.data),
  };
}
