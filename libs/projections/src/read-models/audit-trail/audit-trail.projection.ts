import type { ReadModelProjection } from '../../projection.definition';
import { skippingApplied } from '../shared/position-guard';
import { organizationIdsOf } from './event-organization-ids';
import { typeLabelOf } from './event-type-labels';

export const AUDIT_EVENTS = 'audit_events';

/**
 * Every event of the log, flattened for search (stream, organization, type, actor, recording
 * time), one document per log position. Data is kept as recorded: personal data in it is
 * encrypted, and the audit query masks it.
 */
export const auditTrailProjection: ReadModelProjection = {
  name: 'audit-trail',
  version: 1,
  collections: {
    [AUDIT_EVENTS]: [
      {
        fields: [
          ['streamId', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['organizationIds', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['type', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['actorId', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['recordedAt', 1],
          ['_id', 1],
        ],
      },
    ],
  },
  touches: (event) => [{ collection: AUDIT_EVENTS, id: event.position }],
  apply: skippingApplied((_current, event) => ({
    _id: event.position,
    _pos: event.position,
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
    eventId: event.eventId,
    type: event.type,
    typeLabel: typeLabelOf(event.type),
    occurredAt: event.metadata.occurredAt,
    recordedAt: event.metadata.recordedAt,
    actor: { id: event.metadata.actor.id, role: event.metadata.actor.role },
    actorId: event.metadata.actor.id,
    organizationIds: organizationIdsOf(event),
    data: event.data,
  })),
};
