import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';
import type { AllocationRef } from '@gongjian/domain';
import type { DocumentRef, ReadModelProjection } from '../../projection.definition';
import { skippingApplied } from '../shared/position-guard';

export const ALLOCATIONS = 'allocations';
/** The township of every organization, so that allocations can be scoped by their recipient's. */
export const ALLOCATION_RECIPIENTS = 'allocation_recipients';

const STREAM_PREFIX = 'allocation-';
const TYPES: ReadonlySet<string> = new Set([
  'AllocationOpened',
  'DisbursementRecorded',
  'ExpenditureRecorded',
  'AllocationReduced',
  'AllocationCancelled',
]);

/** One document per allocation (the Allocation read shape): allocated, disbursed, spent, status. */
export const allocationsProjection: ReadModelProjection = {
  name: 'allocations',
  version: 1,
  collections: {
    [ALLOCATIONS]: [
      {
        fields: [
          ['recipientOrganizationId', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['year', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['source', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['purpose', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['recipientTownship', 1],
          ['_id', 1],
        ],
      },
    ],
    [ALLOCATION_RECIPIENTS]: [],
  },
  touches(event) {
    if (event.type === 'OrganizationRegistered') {
      return [
        {
          collection: ALLOCATION_RECIPIENTS,
          id: (event.data as { organizationId: string }).organizationId,
        },
      ];
    }
    return event.streamId.startsWith(STREAM_PREFIX) && TYPES.has(event.type)
      ? [{ collection: ALLOCATIONS, id: event.streamId.slice(STREAM_PREFIX.length) }]
      : [];
  },
  reads: (event): DocumentRef[] =>
    event.type === 'AllocationOpened'
      ? [
          {
            collection: ALLOCATION_RECIPIENTS,
            id: (event.data as AllocationRef).recipientOrganizationId,
          },
        ]
      : [],
  apply: skippingApplied((current, event, ref, context) => {
    if (ref.collection === ALLOCATION_RECIPIENTS) {
      return {
        _id: ref.id,
        _pos: event.position,
        township: (event.data as { township: string }).township,
      };
    }
    if (event.type === 'AllocationOpened') return openedDocument(event, context);
    if (current === undefined) return null;
    return changedAllocation(current, event);
  }),
};

function openedDocument(
  event: RecordedEvent,
  context: { get(ref: DocumentRef): ReadDocument | undefined },
): ReadDocument {
  const d = event.data as AllocationRef & { amountFen: number; decisionRef: string };
  const recipient = context.get({
    collection: ALLOCATION_RECIPIENTS,
    id: d.recipientOrganizationId,
  });
  return {
    _id: d.allocationId,
    _pos: event.position,
    revision: event.revision,
    id: d.allocationId,
    budgetId: d.budgetId,
    year: d.year,
    source: d.source,
    recipientOrganizationId: d.recipientOrganizationId,
    ...(recipient !== undefined && { recipientTownship: recipient.township }),
    purpose: d.purpose,
    decisionRef: d.decisionRef,
    ...(d.pairingId !== undefined && { pairingId: d.pairingId }),
    ...(d.projectId !== undefined && { projectId: d.projectId }),
    allocatedFen: d.amountFen,
    disbursedFen: 0,
    spentFen: 0,
    undisbursedFen: d.amountFen,
    status: 'active',
  };
}

function changedAllocation(current: ReadDocument, event: RecordedEvent): ReadDocument {
  const data = event.data as Record<string, number>;
  const next: ReadDocument = { ...current, _pos: event.position, revision: event.revision };
  switch (event.type) {
    case 'DisbursementRecorded':
      next.disbursedFen = data.disbursedFen;
      break;
    case 'ExpenditureRecorded':
      next.spentFen = data.spentFen;
      break;
    case 'AllocationReduced':
      next.allocatedFen = data.allocatedFen;
      break;
    case 'AllocationCancelled':
      next.allocatedFen = 0;
      next.status = 'cancelled';
      break;
  }
  next.undisbursedFen = (next.allocatedFen as number) - (next.disbursedFen as number);
  return next;
}
