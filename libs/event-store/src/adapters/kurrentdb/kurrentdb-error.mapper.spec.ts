import { ErrorType } from '@kurrent/kurrentdb-client';
import {
  OutcomeUnknownError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../../event-store.errors';
import { toStoreError, toWriteError } from './kurrentdb-error.mapper';

/** Errors in the shapes grpc-js and the client raise them. */
const grpcError = (code: number, details: string) =>
  Object.assign(new Error(`${code} ${details}`), { code, details });
/** The client's UnknownError around what a transport raised (the native reads carry no code). */
const unknownError = (message: string, code?: number) =>
  Object.assign(new Error(message), { type: ErrorType.UNKNOWN, code });

const brokenConnections: Array<[string, Error]> = [
  [
    'a native read on a pooled connection the server closed',
    unknownError('Server-side error: status: Unknown, message: "transport error"'),
  ],
  [
    'a native read whose body was cut',
    unknownError('Server-side error: h2 protocol error: error reading a body from connection'),
  ],
  [
    'grpc-js on an HTTP/2 connection that closed under the call',
    unknownError('13 INTERNAL: Received RST_STREAM with code 2 (Internal server error)', 13),
  ],
];

describe('KurrentDB errors of a write', () => {
  it('no connection could be made: nothing was sent, StoreUnavailableError', () => {
    const refused = grpcError(
      14,
      'UNAVAILABLE: No connection established. Last error: connect ECONNREFUSED 127.0.0.1:2113',
    );
    expect(toWriteError(refused, 'append')).toBeInstanceOf(StoreUnavailableError);
  });

  it.each([
    ['a dropped connection', grpcError(14, 'UNAVAILABLE: Connection dropped')],
    ['a deadline', grpcError(4, 'DEADLINE_EXCEEDED: Deadline exceeded')],
    ['a cancelled call', grpcError(1, 'CANCELLED: Call cancelled')],
    ['the client timing out', Object.assign(new Error('timeout'), { type: ErrorType.TIMEOUT })],
    ['our own deadline', new StoreUnavailableError('kurrentdb', 'append: no answer within 5 ms')],
  ])('%s: it may have been written, OutcomeUnknownError', (_name, error) => {
    expect(toWriteError(error, 'append')).toBeInstanceOf(OutcomeUnknownError);
  });

  it('the same errors of a read are all StoreUnavailableError', () => {
    expect(toStoreError(grpcError(14, 'UNAVAILABLE: Connection dropped'), 'read')).toBeInstanceOf(
      StoreUnavailableError,
    );
    expect(toStoreError(grpcError(4, 'DEADLINE_EXCEEDED'), 'read')).toBeInstanceOf(
      StoreUnavailableError,
    );
  });

  it.each(brokenConnections)(
    '%s: a write may have been sent, OutcomeUnknownError; a read is StoreUnavailableError',
    (_name, error) => {
      expect(toWriteError(error, 'append')).toBeInstanceOf(OutcomeUnknownError);
      expect(toStoreError(error, 'read')).toBeInstanceOf(StoreUnavailableError);
    },
  );

  it('any other UnknownError of the client stays what it is', () => {
    const unrecognized = unknownError('Server-side error: status: Internal, message: "boom"', 13);
    expect(toStoreError(unrecognized, 'read')).toBe(unrecognized);
    expect(toWriteError(unrecognized, 'append')).toBe(unrecognized);
  });

  it('a refusal passes through, and a bug stays a bug', () => {
    const conflict = new WrongExpectedRevisionError('s', 0, 1);
    expect(toWriteError(conflict, 'append')).toBe(conflict);
    const bug = new TypeError('oops');
    expect(toWriteError(bug, 'append')).toBe(bug);
  });
});
