import { ErrorType } from '@kurrent/kurrentdb-client';
import {
  DuplicateEventIdError,
  OutcomeUnknownError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../../event-store.errors';

export const ENGINE = 'kurrentdb';

/** gRPC status codes that mean "the server did not answer, or went away": safe to retry later. */
const UNAVAILABLE_CODES = new Set([
  1, // CANCELLED (by the server or the transport, not by us)
  4, // DEADLINE_EXCEEDED
  14, // UNAVAILABLE
]);

/** Client error types with the same meaning (the client also raises them for the native reads). */
const UNAVAILABLE_TYPES = new Set<string>([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.CANCELLED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
]);

/**
 * The port's error for a failed call: our own errors pass through, every flavour of "cannot reach
 * the server" becomes StoreUnavailableError, anything else is left as it is (a bug to see, not an
 * outage to retry).
 */
export function toStoreError(error: unknown, operation: string): unknown {
  if (
    error instanceof StoreUnavailableError ||
    error instanceof WrongExpectedRevisionError ||
    error instanceof DuplicateEventIdError
  ) {
    return error;
  }
  if (isUnavailable(error)) {
    return new StoreUnavailableError(ENGINE, `${operation}: ${firstLine(error)}`, {
      cause: error,
    });
  }
  return error;
}

/**
 * The same for a write, where "the server did not answer" is not "nothing was written": unless the
 * request provably never left (no connection could be made), a failed write is OutcomeUnknownError.
 * Our own deadline and the store closing mid-call (StoreUnavailableError from withDeadline) are
 * unknown outcomes too.
 */
export function toWriteError(error: unknown, operation: string): unknown {
  if (
    error instanceof WrongExpectedRevisionError ||
    error instanceof DuplicateEventIdError ||
    error instanceof OutcomeUnknownError
  ) {
    return error;
  }
  if (error instanceof StoreUnavailableError || (isUnavailable(error) && !neverSent(error))) {
    return new OutcomeUnknownError(ENGINE, `${operation}: ${firstLine(error)}`, { cause: error });
  }
  // The client refuses before sending a call the server does not serve (multiStreamAppend on a
  // server older than 25.1, which startup refuses too): nothing was written.
  if ((error as { type?: unknown } | null)?.type === ErrorType.UNSUPPORTED) {
    return new StoreUnavailableError(ENGINE, `${operation}: ${firstLine(error)}`, {
      cause: error,
    });
  }
  return toStoreError(error, operation);
}

/** gRPC's words for "no connection to send on" (grpc-js: channel and subchannel states). */
const NOT_CONNECTED =
  /No connection established|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|Name resolution failed|failed to connect/i;

function neverSent(error: unknown): boolean {
  const { code } = error as { code?: unknown };
  return (
    (code === 14 || (error as { type?: unknown }).type === ErrorType.UNAVAILABLE) &&
    NOT_CONNECTED.test(firstLine(error))
  );
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0];
}

/**
 * A connection that broke under a call, in the words of the client's two transports: the native
 * reads (hyper/h2 under tonic, whose transport failures on a pooled connection come back as a
 * server-side "Unknown") and grpc-js (a stream reset on an HTTP/2 connection it still held for
 * open). The client gives both as UnknownError.
 */
const BROKEN_CONNECTION =
  /transport error|h2 protocol error|connection (?:closed|reset|error|refused|aborted)|connection is closed|broken pipe|error (?:reading|writing) a body|operation was canceled|channel closed|dispatch task is gone|go ?away|RST_STREAM|ECONNRESET|EPIPE/i;

export function isUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { type, code } = error as { type?: unknown; code?: unknown };
  return (
    (typeof type === 'string' && UNAVAILABLE_TYPES.has(type)) ||
    (typeof code === 'number' && UNAVAILABLE_CODES.has(code)) ||
    (type === ErrorType.UNKNOWN && BROKEN_CONNECTION.test(firstLine(error)))
  );
}

export function isStreamNotFound(error: unknown): boolean {
  return (error as { type?: unknown } | null)?.type === ErrorType.STREAM_NOT_FOUND;
}

/**
 * The stream and its actual revision carried by the client's WrongExpectedVersionError, if it is
 * one (a multi-stream append names the stream that conflicted).
 */
export function wrongExpectedVersion(
  error: unknown,
): { streamId: string | undefined; actual: number | 'no_stream' } | undefined {
  const { type, actualState, streamName } = (error ?? {}) as {
    type?: unknown;
    actualState?: unknown;
    streamName?: unknown;
  };
  if (type !== ErrorType.WRONG_EXPECTED_VERSION) return undefined;
  return {
    streamId: typeof streamName === 'string' && streamName ? streamName : undefined,
    actual: typeof actualState === 'bigint' ? Number(actualState) : 'no_stream',
  };
}
