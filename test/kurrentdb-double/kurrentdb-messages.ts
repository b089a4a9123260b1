/**
 * Protobuf messages of the KurrentDB v1 gRPC protocol, built from and read into the double's
 * plain values. The message classes are the ones `@kurrent/kurrentdb-client` ships.
 */
import { Timestamp } from 'google-protobuf/google/protobuf/timestamp_pb';
import {
  Empty,
  StreamIdentifier,
  UUID,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/shared_pb';
import { ReadResp } from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { StoredEvent } from './in-memory-event-log';

const U64 = (1n << 64n) - 1n;

export function streamName(identifier: StreamIdentifier | undefined): string {
  return Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');
}

export function streamIdentifier(name: string): StreamIdentifier {
  return new StreamIdentifier().setStreamName(Buffer.from(name, 'utf8'));
}

/** A UUID in either wire form: `string`, or `structured` as two signed 64-bit halves. */
export function readUuid(uuid: UUID | undefined): string {
  if (!uuid) return '';
  if (uuid.hasStructured()) {
    const s = uuid.getStructured() as UUID.Structured;
    const hex = (v: string) => (BigInt(v) & U64).toString(16).padStart(16, '0');
    const ms = hex(s.getMostSignificantBits());
    const ls = hex(s.getLeastSignificantBits());
    return `${ms.slice(0, 8)}-${ms.slice(8, 12)}-${ms.slice(12)}-${ls.slice(0, 4)}-${ls.slice(4)}`;
  }
  return uuid.getString();
}

/** Answers ids in the form the reader asked for (`ReadReq.Options.uuid_option`). */
export function writeUuid(id: string, asString: boolean): UUID {
  if (asString) return new UUID().setString(id);
  const hex = id.replace(/-/g, '');
  const half = (h: string) => BigInt.asIntN(64, BigInt(`0x${h}`)).toString();
  return new UUID().setStructured(
    new UUID.Structured()
      .setMostSignificantBits(half(hex.slice(0, 16)))
      .setLeastSignificantBits(half(hex.slice(16))),
  );
}

/**
 * One event of a read or a subscription. Metadata keys and the `created` value (ticks since the
 * Unix epoch) follow the server's converter (KurrentDB,
 * src/KurrentDB.Core/Services/Transport/Grpc/Streams.Read.cs, `ConvertToRecordedEvent`); the
 * position is filled for stream reads too (KurrentDB pull request #3459, servers >= 22.6).
 */
export function eventResponse(event: StoredEvent, uuidAsString: boolean): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(writeUuid(event.eventId, uuidAsString))
    .setStreamIdentifier(streamIdentifier(event.streamId))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.position.toString())
    .setPreparePosition(event.position.toString())
    .setCustomMetadata(event.customMetadata)
    .setData(event.data);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.createdTicks.toString());
  const readEvent = new ReadResp.ReadEvent()
    .setEvent(recorded)
    .setCommitPosition(event.position.toString());
  return new ReadResp().setEvent(readEvent);
}

export function streamNotFoundResponse(name: string): ReadResp {
  return new ReadResp().setStreamNotFound(
    new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(name)),
  );
}

export function confirmationResponse(subscriptionId: string): ReadResp {
  return new ReadResp().setConfirmation(
    new ReadResp.SubscriptionConfirmation().setSubscriptionId(subscriptionId),
  );
}

/**
 * "The $all or stream subscription has caught up and become live"; for $all the position is
 * "populated unless the database is empty" (streams.proto, `ReadResp.CaughtUp`).
 */
export function caughtUpResponse(lastPosition: bigint | undefined): ReadResp {
  const caughtUp = new ReadResp.CaughtUp().setTimestamp(Timestamp.fromDate(new Date()));
  if (lastPosition !== undefined) {
    caughtUp.setPosition(
      new ReadResp.Position()
        .setCommitPosition(lastPosition.toString())
        .setPreparePosition(lastPosition.toString()),
    );
  }
  return new ReadResp().setCaughtUp(caughtUp);
}

export const empty = (): Empty => new Empty();
