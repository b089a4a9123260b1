/**
 * `event_store.client.streams.Streams`: Read (stream and $all reads, $all subscription) and
 * Append, over the double's in-memory log. Semantics follow the server's gRPC layer (KurrentDB,
 * src/KurrentDB.Core/Services/Transport/Grpc/Streams.Read.cs and Streams.Append.cs) and the
 * comments in streams.proto.
 */
import { randomUUID } from 'node:crypto';
import {
  sendUnaryData,
  ServerReadableStream,
  ServerWritableStream,
  status,
  UntypedServiceImplementation,
} from '@grpc/grpc-js';
import {
  AppendReq,
  AppendResp,
  ReadReq,
  ReadResp,
} from '@kurrent/kurrentdb-client/generated/kurrentdb/protocols/v1/streams_pb';
import { ExpectedState, InMemoryEventLog, ProposedEvent, ReadFrom } from './in-memory-event-log';
import {
  caughtUpResponse,
  confirmationResponse,
  empty,
  eventResponse,
  readUuid,
  streamName,
  streamNotFoundResponse,
} from './kurrentdb-messages';
import { WriteHold } from './write-hold';

type ReadCall = ServerWritableStream<ReadReq, ReadResp>;
type Options = ReadReq.Options;
const { StreamOptionCase, CountOptionCase, FilterOptionCase, ReadDirection } = ReadReq.Options;

export function streamsService(
  log: InMemoryEventLog,
  hold = new WriteHold(),
): UntypedServiceImplementation {
  return {
    read: (call: ReadCall) => {
      read(log, call).catch((error: Error) => call.destroy(error));
    },
    append: (
      call: ServerReadableStream<AppendReq, AppendResp>,
      done: sendUnaryData<AppendResp>,
    ) => {
      const requests: AppendReq[] = [];
      call.on('data', (request: AppendReq) => requests.push(request));
      call.on('error', () => undefined);
      call.on('end', () =>
        hold.handle(
          (answer) => append(log, requests, answer),
          done,
          () => undefined,
        ),
      );
    },
  };
}

async function read(log: InMemoryEventLog, call: ReadCall): Promise<void> {
  const options = call.request.getOptions();
  if (!options) return fail(call, status.INVALID_ARGUMENT, 'options are required');
  if (options.getFilterOptionCase() === FilterOptionCase.FILTER) {
    return fail(
      call,
      status.UNIMPLEMENTED,
      'server-side filters are not implemented by this double',
    );
  }
  const uuidAsString = options.getUuidOption()?.hasString() ?? false;
  const direction =
    options.getReadDirection() === ReadDirection.BACKWARDS ? 'backwards' : 'forwards';
  const counted = options.getCountOptionCase() === CountOptionCase.COUNT;
  const count = BigInt(options.getCount());

  if (options.getStreamOptionCase() === StreamOptionCase.STREAM) {
    if (!counted)
      return fail(
        call,
        status.UNIMPLEMENTED,
        'stream subscriptions are not implemented by this double',
      );
    const name = streamName(options.getStream()?.getStreamIdentifier());
    const events = log.readStream(name, streamFrom(options), direction, count);
    if (!events) {
      call.write(streamNotFoundResponse(name));
    } else {
      for (const event of events) await write(call, eventResponse(event, uuidAsString));
    }
    call.end();
    return;
  }
  if (options.getStreamOptionCase() !== StreamOptionCase.ALL) {
    return fail(call, status.INVALID_ARGUMENT, 'stream or all is required');
  }
  if (counted) {
    for (const event of log.readAll(allFrom(options), direction, count)) {
      await write(call, eventResponse(event, uuidAsString));
    }
    call.end();
    return;
  }
  if (direction === 'backwards')
    return fail(call, status.INVALID_ARGUMENT, 'subscriptions read forwards');
  await subscribeToAll(log, call, allFrom(options), uuidAsString);
}

/**
 * Catch-up then live: confirmation, every event after the (exclusive) start position, `caught_up`
 * once the log's end is reached, then each new event. "The positions provided to the
 * subscriptions are exclusive" (docs.kurrent.io/clients/grpc/subscriptions). The double reads
 * from the log with a cursor and waits for the client when the transport pushes back, so a slow
 * client holds no growing buffer here.
 */
async function subscribeToAll(
  log: InMemoryEventLog,
  call: ReadCall,
  from: ReadFrom,
  uuidAsString: boolean,
) {
  let wake: (() => void) | undefined;
  let cancelled = false;
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };
  const onCancelled = () => {
    cancelled = true;
    notify();
  };
  call.on('cancelled', onCancelled);
  call.on('close', onCancelled);
  const unsubscribe = log.onAppend(notify);
  try {
    await write(call, confirmationResponse(randomUUID()));
    let index = log.indexAfter(from);
    let caughtUp = false;
    while (!cancelled) {
      for (let event = log.eventAt(index); event && !cancelled; event = log.eventAt(index)) {
        index++;
        await write(call, eventResponse(event, uuidAsString));
      }
      if (!caughtUp && !cancelled) {
        caughtUp = true;
        await write(call, caughtUpResponse(log.length ? log.lastPosition() : undefined));
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (cancelled || index < log.length) notify();
      });
    }
  } finally {
    unsubscribe();
  }
}

function append(
  log: InMemoryEventLog,
  requests: AppendReq[],
  done: sendUnaryData<AppendResp>,
): void {
  const [header, ...messages] = requests;
  const options = header?.getOptions();
  if (!options || messages.some((m) => !m.hasProposedMessage())) {
    return done({
      code: status.INVALID_ARGUMENT,
      details: 'options first, then proposed messages',
    });
  }
  const events: ProposedEvent[] = [];
  for (const request of messages) {
    const message = request.getProposedMessage() as AppendReq.ProposedMessage;
    const metadata = message.getMetadataMap();
    const type = metadata.get('type');
    const contentType = metadata.get('content-type');
    if (type === undefined || contentType === undefined) {
      // Streams.Append.cs: RpcExceptions.RequiredMetadataPropertyMissing.
      return done({ code: status.INVALID_ARGUMENT, details: 'type and content-type are required' });
    }
    events.push({
      eventId: readUuid(message.getId()),
      type,
      contentType,
      data: message.getData_asU8(),
      customMetadata: message.getCustomMetadata_asU8(),
    });
  }
  const name = streamName(options.getStreamIdentifier());
  const expected = expectedState(options);
  const outcome = log.append(name, expected, events);
  const response = new AppendResp();
  if (outcome.kind === 'success') {
    const position = outcome.position.toString();
    const success = new AppendResp.Success().setPosition(
      new AppendResp.Position().setCommitPosition(position).setPreparePosition(position),
    );
    if (outcome.currentRevision < 0n) success.setNoStream(empty());
    else success.setCurrentRevision(outcome.currentRevision.toString());
    return done(null, response.setSuccess(success));
  }
  // Both the current fields and the 20.6.0 ones, as Streams.Append.cs fills them.
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.currentRevision === 'no_stream') {
    wrong.setCurrentNoStream(empty()).setNoStream2060(empty());
  } else {
    const current = outcome.currentRevision.toString();
    wrong.setCurrentRevision(current).setCurrentRevision2060(Number(current));
  }
  if (expected.kind === 'revision') {
    wrong
      .setExpectedRevision(expected.revision.toString())
      .setExpectedRevision2060(Number(expected.revision));
  } else if (expected.kind === 'any') wrong.setExpectedAny(empty()).setAny2060(empty());
  else if (expected.kind === 'stream_exists')
    wrong.setExpectedStreamExists(empty()).setStreamExists2060(empty());
  else wrong.setExpectedNoStream(empty());
  done(null, response.setWrongExpectedVersion(wrong));
}

function expectedState(options: AppendReq.Options): ExpectedState {
  const { ExpectedStreamRevisionCase } = AppendReq.Options;
  switch (options.getExpectedStreamRevisionCase()) {
    case ExpectedStreamRevisionCase.REVISION:
      return { kind: 'revision', revision: BigInt(options.getRevision()) };
    case ExpectedStreamRevisionCase.NO_STREAM:
      return { kind: 'no_stream' };
    case ExpectedStreamRevisionCase.STREAM_EXISTS:
      return { kind: 'stream_exists' };
    default:
      return { kind: 'any' };
  }
}

function streamFrom(options: Options): ReadFrom {
  const stream = options.getStream() as ReadReq.Options.StreamOptions;
  const { RevisionOptionCase } = ReadReq.Options.StreamOptions;
  switch (stream.getRevisionOptionCase()) {
    case RevisionOptionCase.REVISION:
      return BigInt(stream.getRevision());
    case RevisionOptionCase.END:
      return 'end';
    default:
      return 'start';
  }
}

function allFrom(options: Options): ReadFrom {
  const all = options.getAll() as ReadReq.Options.AllOptions;
  const { AllOptionCase } = ReadReq.Options.AllOptions;
  switch (all.getAllOptionCase()) {
    case AllOptionCase.POSITION:
      return BigInt((all.getPosition() as ReadReq.Options.Position).getCommitPosition());
    case AllOptionCase.END:
      return 'end';
    default:
      return 'start';
  }
}

/** Writes one message, waiting while the transport's buffer is full (back-pressure). */
function write(call: ReadCall, message: ReadResp): Promise<void> {
  if (call.write(message)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      call.off('drain', done);
      call.off('cancelled', done);
      call.off('close', done);
      resolve();
    };
    call.on('drain', done);
    call.on('cancelled', done);
    call.on('close', done);
  });
}

function fail(call: ReadCall, code: status, details: string): void {
  call.emit('error', { code, details });
}
