import { StoreUnavailableError } from './event-store.errors';

/**
 * Settles with `work`, or rejects with StoreUnavailableError after `timeoutMs`, or as soon as
 * `signal` aborts (the store was closed). The client can wait forever on a server that accepts
 * connections but never answers, so no call is made without one of these.
 */
export function withDeadline<T>(
  engine: string,
  work: Promise<T>,
  timeoutMs: number,
  operation: string,
  signal?: AbortSignal,
): Promise<T> {
  // A late failure of abandoned work must not surface as an unhandled rejection.
  work.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const settle = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      settle();
      reject(new StoreUnavailableError(engine, `${operation}: the store was closed`));
    };
    const timer = setTimeout(() => {
      settle();
      reject(new StoreUnavailableError(engine, `${operation}: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        settle();
        resolve(value);
      },
      (error: unknown) => {
        settle();
        reject(error);
      },
    );
  });
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
