/**
 * `kurrentdb.protocol.v2.streams.StreamsService/AppendSession` (KurrentDB 25.1+), served from the
 * client's own generated definitions: a client stream of `AppendRequest`s, one per stream, then
 * one `AppendSessionResponse`. Atomic against the same in-memory log as the v1 service. As the
 * server does (MultiStreamAppendConverter), each record needs a schema name (the event type) and
 * format, and its properties (string values only) are kept as the event's JSON metadata, which is
 * what v1 reads return for it.
 */
import { randomUUID } from 'node:crypto';
import {
  Metadata,
  sendUnaryData,
  ServerReadableStream,
  status,
  UntypedServiceImplementation,
} from '@grpc/grpc-js';
import { Any } from 'google-protobuf/google/protobuf/any_pb';
import { Status } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/status_pb';
import { StreamRevisionConflictErrorDetails } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/errors_pb';
import {
  AppendRecord,
  AppendRequest,
  AppendResponse,
  AppendSessionResponse,
  SchemaFormat,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v2/streams/streams_pb';
import { ExpectedState, InMemoryEventLog, ProposedEvent, StreamWrite } from './in-memory-event-log';
import { WriteHold } from './write-hold';

type Done = sendUnaryData<AppendSessionResponse>;

export function v2StreamsService(
  log: InMemoryEventLog,
  hold = new WriteHold(),
): UntypedServiceImplementation {
  return {
    appendSession: (
      call: ServerReadableStream<AppendRequest, AppendSessionResponse>,
      done: Done,
    ) => {
      const requests: AppendRequest[] = [];
      call.on('data', (request: AppendRequest) => requests.push(request));
      call.on('error', () => undefined);
      call.on('end', () =>
        hold.handle(
          (answer: Done) => appendSession(log, requests, answer),
          done,
          () => undefined,
        ),
      );
    },
    appendRecords: (_call: unknown, done: sendUnaryData<never>) =>
      done({ code: status.UNIMPLEMENTED, details: 'AppendRecords is not served by this double' }),
  };
}

function appendSession(log: InMemoryEventLog, requests: AppendRequest[], done: Done): void {
  if (requests.length === 0) return invalid(done, 'at least one AppendRequest is needed');
  const writes: StreamWrite[] = [];
  const seen = new Set<string>();
  for (const request of requests) {
    const streamId = request.getStream();
    if (!streamId) return invalid(done, 'a stream name is needed');
    // StreamAlreadyInAppendSession: one request per stream and session.
    if (seen.has(streamId)) return invalid(done, `stream ${streamId} appears twice in one session`);
    seen.add(streamId);
    if (request.getRecordsList().length === 0) {
      return invalid(done, `write to stream ${streamId} does not have any records`);
    }
    const events: ProposedEvent[] = [];
    for (const record of request.getRecordsList()) {
      const event = toProposedEvent(record);
      if (typeof event === 'string') return invalid(done, event);
      events.push(event);
    }
    writes.push({ streamId, events, expected: expectedState(request) });
  }

  const outcome = log.appendMany(writes);
  if (outcome.kind === 'wrong_expected_version') {
    const conflict = new StreamRevisionConflictErrorDetails()
      .setStream(outcome.streamId)
      .setExpectedRevision(wireRevision(outcome.expected))
      .setActualRevision(
        outcome.currentRevision === 'no_stream' ? '-1' : outcome.currentRevision.toString(),
      );
    return done({
      code: status.FAILED_PRECONDITION,
      details: `stream ${outcome.streamId}: wrong expected revision`,
      metadata: statusDetails(
        status.FAILED_PRECONDITION,
        'kurrentdb.protocol.v2.streams.errors.StreamRevisionConflictErrorDetails',
        conflict.serializeBinary(),
      ),
    });
  }
  const response = new AppendSessionResponse().setPosition(outcome.position.toString());
  writes.forEach((w, i) =>
    response.addOutput(
      new AppendResponse()
        .setStream(w.streamId)
        .setStreamRevision(outcome.revisions[i].toString())
        .setPosition(outcome.position.toString()),
    ),
  );
  done(null, response);
}

function toProposedEvent(record: AppendRecord): ProposedEvent | string {
  const schema = record.getSchema();
  const type = schema?.getName();
  if (!schema || !type) return 'a record needs a schema name';
  const format = schema.getFormat();
  if (format !== SchemaFormat.SCHEMA_FORMAT_JSON && format !== SchemaFormat.SCHEMA_FORMAT_BYTES) {
    return 'only JSON and bytes records are served by this double';
  }
  // The server gives a record sent without an id a new one.
  const eventId = record.getRecordId() || randomUUID();
  const properties: Record<string, string> = {};
  for (const [key, value] of record.getPropertiesMap().entries()) {
    if (!value.hasStringValue()) return `property ${key} is not a string`;
    properties[key] = value.getStringValue();
  }
  return {
    eventId,
    type,
    contentType:
      format === SchemaFormat.SCHEMA_FORMAT_JSON ? 'application/json' : 'application/octet-stream',
    data: record.getData_asU8(),
    customMetadata:
      Object.keys(properties).length > 0
        ? Buffer.from(JSON.stringify(properties), 'utf8')
        : new Uint8Array(),
  };
}

/** `expected_revision`: -1 no stream, -2 any, -4 stream exists, or the revision itself. */
function expectedState(request: AppendRequest): ExpectedState {
  if (!request.hasExpectedRevision()) return { kind: 'any' };
  const revision = BigInt(request.getExpectedRevision() as string);
  if (revision === -1n) return { kind: 'no_stream' };
  if (revision === -2n) return { kind: 'any' };
  if (revision === -4n) return { kind: 'stream_exists' };
  return { kind: 'revision', revision };
}

function wireRevision(expected: ExpectedState): string {
  switch (expected.kind) {
    case 'no_stream':
      return '-1';
    case 'any':
      return '-2';
    case 'stream_exists':
      return '-4';
    default:
      return expected.revision.toString();
  }
}

/** The rich error the client reads (`grpc-status-details-bin`: a google.rpc.Status). */
function statusDetails(code: status, typeName: string, value: Uint8Array): Metadata {
  const details = new Any();
  details.setTypeUrl(`type.googleapis.com/${typeName}`);
  details.setValue(value);
  const rich = new Status().setCode(code as number).setDetails(details);
  const metadata = new Metadata();
  metadata.set('grpc-status-details-bin', Buffer.from(rich.serializeBinary()));
  return metadata;
}

function invalid(done: Done, details: string): void {
  done({ code: status.INVALID_ARGUMENT, details });
}
