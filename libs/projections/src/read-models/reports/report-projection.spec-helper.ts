import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';
import { Query } from 'mingo';
import type { DocumentRef, ReadModelProjection } from '../../projection.definition';
import { DEFAULT_REPORT_OPTIONS, ReportDefinition, ReportOptions } from './report-definition';
import type { ReportFilter, ReportTable } from './report-table';

let nextPosition = 1;

/** A recorded event as the log would hand it over; positions increase with every call. */
export function recorded(
  type: string,
  data: object,
  options: { occurredAt?: string; streamId?: string } = {},
): RecordedEvent {
  const position = String(nextPosition++).padStart(20, '0');
  return {
    eventId: `event-${position}`,
    streamId: options.streamId ?? 'stream',
    revision: 0,
    position,
    type,
    data: data as Record<string, unknown>,
    metadata: {
      commandId: `command-${position}`,
      correlationId: `command-${position}`,
      causationId: `command-${position}`,
      actor: { id: 'spec', role: 'admin' },
      occurredAt: options.occurredAt ?? '2025-06-01T02:00:00.000Z',
      schemaVersion: 1,
      recordedAt: '2026-01-01T00:00:00.000Z',
      prevHash: '0',
      hash: position,
    },
  };
}

const keyOf = (ref: DocumentRef) => `${ref.collection}/${ref.id}`;

/**
 * Applies events the way the engine does (each touched document in log order, reads served from
 * the documents as they stand), into `documents`; returns it.
 */
export function project(
  projection: ReadModelProjection,
  events: readonly RecordedEvent[],
  documents: Map<string, ReadDocument> = new Map(),
): Map<string, ReadDocument> {
  const context = { get: (ref: DocumentRef) => documents.get(keyOf(ref)) };
  for (const event of events) {
    for (const ref of projection.touches(event)) {
      const next = projection.apply(documents.get(keyOf(ref)), event, ref, context);
      if (next === null) documents.delete(keyOf(ref));
      else documents.set(keyOf(ref), next);
    }
  }
  return documents;
}

/** The documents of one collection, in id order. */
export const documentsOf = (documents: Map<string, ReadDocument>, collection: string) =>
  [...documents.entries()]
    .filter(([key]) => key.startsWith(`${collection}/`))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([, doc]) => doc);

/**
 * A report as the API answers it: the projection's documents, selected by the report's own find
 * (evaluated by mingo, as the embedded store does), then built into the table.
 */
export function reportFor(
  definition: ReportDefinition,
  projection: ReadModelProjection,
  events: readonly RecordedEvent[],
  filter: ReportFilter,
  options: ReportOptions = DEFAULT_REPORT_OPTIONS,
): ReportTable {
  const docs = documentsOf(project(projection, events), definition.collection);
  const selected = new Query(definition.filterFor(filter)).find<ReadDocument>(docs).all();
  return definition.build(selected, filter, options);
}
