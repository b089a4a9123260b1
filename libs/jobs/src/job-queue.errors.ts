/**
 * The job server cannot be reached: nothing was enqueued. Safe to retry later; the api answers
 * 503 with this code.
 */
export class JobsUnavailableError extends Error {
  readonly code = 'JOBS_UNAVAILABLE';
  constructor(
    /** Where the jobs live, without credentials (e.g. `REDIS_URL=redis://127.0.0.1:6379`). */
    readonly address: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`job queue at ${address} is unavailable: ${detail}`, options);
    this.name = 'JobsUnavailableError';
  }
}

/** A job id the queue cannot store as given. */
export class InvalidJobIdError extends Error {
  readonly code = 'INVALID_JOB_ID';
  constructor(
    readonly jobId: unknown,
    reason: string,
  ) {
    super(`invalid job id ${JSON.stringify(jobId)}: ${reason}`);
    this.name = 'InvalidJobIdError';
  }
}

/** A flow that must not be enqueued (no children, repeated ids). */
export class InvalidFlowError extends Error {
  readonly code = 'INVALID_FLOW';
  constructor(reason: string) {
    super(`invalid flow: ${reason}`);
    this.name = 'InvalidFlowError';
  }
}

/** A cron expression or time zone that does not parse. */
export class InvalidScheduleError extends Error {
  readonly code = 'INVALID_SCHEDULE';
  constructor(
    readonly schedulerId: string,
    reason: string,
  ) {
    super(`scheduler ${schedulerId}: ${reason}`);
    this.name = 'InvalidScheduleError';
  }
}

/** Registering a handler twice, or after the queue started. */
export class HandlerRegistrationError extends Error {
  readonly code = 'HANDLER_REGISTRATION';
  constructor(message: string) {
    super(message);
    this.name = 'HandlerRegistrationError';
  }
}
