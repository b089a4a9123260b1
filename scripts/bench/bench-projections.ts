import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadModelProjection } from '@gongjian/projections';

/**
 * Small projections over real event types, used by the projection benchmark, the engine's
 * tests and the worker crash test (through PROJECTIONS_MODULE): they need none of the product's
 * read models, and their results are easy to recompute independently.
 */
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

/** Events counted per stream and per type. */
export const eventCounts: ReadModelProjection = {
  name: 'event-counts',
  version: 1,
  collections: {
    stream_event_counts: [{ fields: [['count', -1]] }],
    type_event_counts: [],
  },
  touches: (event) => [
    { collection: 'stream_event_counts', id: event.streamId },
    { collection: 'type_event_counts', id: event.type },
  ],
  apply: (current, event, ref) => ({
    _id: ref.id,
    _pos: event.position,
    count: num(current?.count) + 1,
    lastRevision: ref.collection === 'stream_event_counts' ? event.revision : undefined,
  }),
};

const month = (date: unknown) => (typeof date === 'string' ? date.slice(0, 7) : 'unknown');

/** Per pairing: its two organizations and activities per month and type. */
export const pairingActivity: ReadModelProjection = {
  name: 'bench-pairing-activity',
  version: 1,
  collections: { bench_pairings: [{ fields: [['ruralOrganizationId', 1]] }] },
  touches: (event) =>
    event.type === 'BranchPaired' || event.type === 'ActivityLogged'
      ? [{ collection: 'bench_pairings', id: String(event.data.pairingId) }]
      : [],
  apply: (current, event: RecordedEvent, ref) => {
    const doc = current ?? {
      _id: ref.id,
      _pos: event.position,
      urbanOrganizationId: event.data.urbanOrganizationId,
      ruralOrganizationId: event.data.ruralOrganizationId,
      activities: 0,
      participants: 0,
      byMonth: {} as Record<string, Record<string, number>>,
    };
    if (event.type !== 'ActivityLogged') return { ...doc };
    const byMonth = { ...(doc.byMonth as Record<string, Record<string, number>>) };
    const key = month(event.data.date);
    const type = String(event.data.type);
    byMonth[key] = { ...byMonth[key], [type]: num(byMonth[key]?.[type]) + 1 };
    return {
      ...doc,
      activities: num(doc.activities) + 1,
      participants: num(doc.participants) + num(event.data.participants),
      byMonth,
    };
  },
};

/** Per allocation its totals, and per (year, source) the sums over its allocations. */
export const allocationTotals: ReadModelProjection = {
  name: 'bench-allocation-totals',
  version: 1,
  collections: {
    bench_allocations: [
      {
        fields: [
          ['year', 1],
          ['source', 1],
        ],
      },
    ],
    bench_fund_sources: [],
  },
  touches: (event) => {
    if (!['AllocationOpened', 'DisbursementRecorded', 'ExpenditureRecorded'].includes(event.type))
      return [];
    return [
      { collection: 'bench_allocations', id: String(event.data.allocationId) },
      { collection: 'bench_fund_sources', id: `${event.data.year}-${event.data.source}` },
    ];
  },
  apply: (current, event, ref) => {
    const base = current ?? {
      _id: ref.id,
      _pos: event.position,
      year: event.data.year,
      source: event.data.source,
      allocatedFen: 0,
      disbursedFen: 0,
      spentFen: 0,
    };
    const amount = num(event.data.amountFen);
    const field =
      event.type === 'AllocationOpened'
        ? 'allocatedFen'
        : event.type === 'DisbursementRecorded'
          ? 'disbursedFen'
          : 'spentFen';
    return { ...base, [field]: num(base[field]) + amount };
  },
};

export const READ_MODELS: readonly ReadModelProjection[] = [
  eventCounts,
  pairingActivity,
  allocationTotals,
];
