import { InvalidScheduleError } from './job-queue.errors';

/** Scheduler ids end up in Redis keys and job ids, like job ids: no `:`, no white space. */
export function assertSchedulerId(schedulerId: unknown): asserts schedulerId is string {
  if (typeof schedulerId !== 'string' || !/^[^\s:]{1,100}$/.test(schedulerId)) {
    throw new InvalidScheduleError(
      String(schedulerId),
      'scheduler id must be 1 to 100 characters without ":" or white space',
    );
  }
}
