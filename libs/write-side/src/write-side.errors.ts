/** Errors of the command pipeline itself (not business rules); the problem filter maps them. */
export class PreconditionFailedError extends Error {
  readonly code = 'PRECONDITION_FAILED';
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`If-Match ${expected} is stale: ${streamId} is at revision ${actual}`);
  }
}

export class IdempotencyKeyReusedError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
  constructor() {
    super('this Idempotency-Key was already used with a different request');
  }
}

export class ConcurrencyConflictError extends Error {
  readonly code = 'CONCURRENCY_CONFLICT';
  constructor(
    readonly streamId: string,
    attempts: number,
    reason = `kept changing during ${attempts} attempts`,
  ) {
    super(`${streamId} ${reason}; retry the request`);
  }
}

export class OutOfScopeError extends Error {
  readonly code = 'OUT_OF_SCOPE';
  constructor(township: string) {
    super(`this key may not act on organizations of township ${township}`);
  }
}
