import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AUDIT_EVENTS, READ_MODEL_READER, type ReadModelReader } from '@gongjian/projections';
import type { ReadDocument } from '@gongjian/read-store';
import {
  PERSONAL_DATA_CIPHER,
  PersonalDataBinding,
  PersonalDataCipher,
} from '../../../personal-data/personal-data.cipher';
import { readPage } from '../../../read-side/read-page';
import { publicFields } from '../../../read-side/read-view';
import { awaitPosition } from '../../../read-side/read-your-writes';
import { recordingBound } from '../recording-window';
import type { ListAuditEventsQueryDto } from './list-audit-events.query.dto';
import { maskedEventData } from './masked-event-data';

export class ListAuditEventsQuery {
  constructor(readonly filters: ListAuditEventsQueryDto) {}
}

/** The audit trail in log order, by stream, organization, type, actor and recording time. */
@QueryHandler(ListAuditEventsQuery)
export class ListAuditEventsHandler implements IQueryHandler<ListAuditEventsQuery> {
  constructor(
    @Inject(READ_MODEL_READER) private readonly reader: ReadModelReader,
    @Inject(PERSONAL_DATA_CIPHER) private readonly cipher: PersonalDataCipher,
  ) {}

  async execute({ filters }: ListAuditEventsQuery) {
    await awaitPosition(this.reader, filters.minPosition);
    const recordedAt = {
      ...(filters.from !== undefined && { $gte: recordingBound(filters.from, 'from') }),
      ...(filters.to !== undefined && { $lt: recordingBound(filters.to, 'to') }),
    };
    return readPage(
      await this.reader.collection('audit-trail', AUDIT_EVENTS),
      {
        ...(filters.streamId !== undefined && { streamId: filters.streamId }),
        ...(filters.organizationId !== undefined && { organizationIds: filters.organizationId }),
        ...(filters.type !== undefined && { type: filters.type }),
        ...(filters.actor !== undefined && { actorId: filters.actor }),
        ...(Object.keys(recordedAt).length > 0 && { recordedAt }),
      },
      filters,
      (document: ReadDocument) => ({
        ...publicFields(document, ['actorId']),
        data: maskedEventData(document.data, (sealed, field) =>
          this.cipher.decrypt(sealed, {
            memberId: String((document.data as { memberId?: unknown }).memberId),
            field: field as PersonalDataBinding['field'],
          }),
        ),
      }),
    );
  }
}
