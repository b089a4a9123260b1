import { ErrorType } from '@kurrent/kurrentdb-client';
import {
  DuplicateEventIdError,
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
    const message = error instanceof Error ? error.message : String(error);
    return new StoreUnavailableError(ENGINE, `${operation}: ${message.split('\n')[0]}`, {
      cause: error,
    });
  }
  return error;
}

export function isUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { type, code } = error as { type?: unknown; code?: unknown };
  return (
    (typeof type === 'string' && UNAVAILABLE_TYPES.has(type)) ||
    (typeof code === 'number' && UNAVAILABLE_CODES.has(code))
  );
}

export function isStreamNotFound(error: unknown): boolean {
  return (error as { type?: unknown } | null)?.type === ErrorType.STREAM_NOT_FOUND;
}

/** The stream's actual revision carried by the client's WrongExpectedVersionError, if it is one. */
export function wrongExpectedVersionActual(error: unknown): number | 'no_stream' | undefined {
  const { type, actualState } = (error ?? {}) as { type?: unknown; actualState?: unknown };
  if (type !== ErrorType.WRONG_EXPECTED_VERSION) return undefined;
  return typeof actualState === 'bigint' ? Number(actualState) : 'no_stream';
}
