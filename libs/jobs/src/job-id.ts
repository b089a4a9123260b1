import { InvalidJobIdError } from './job-queue.errors';
import type { JobId } from './job-queue.port';

const MAX_JOB_ID_LENGTH = 200;

/**
 * Throws unless the id can be stored as given by every adapter: BullMQ builds Redis keys as
 * `<prefix>:<queue>:<id>`, so a `:` would make keys ambiguous, and it refuses custom ids that
 * are integers (they collide with its own counter).
 */
export function assertJobId(jobId: unknown): asserts jobId is JobId {
  if (typeof jobId !== 'string' || jobId === '') {
    throw new InvalidJobIdError(jobId, 'expected a non-empty string');
  }
  if (jobId.length > MAX_JOB_ID_LENGTH) {
    throw new InvalidJobIdError(jobId, `longer than ${MAX_JOB_ID_LENGTH} characters`);
  }
  if (jobId.includes(':')) {
    throw new InvalidJobIdError(jobId, 'must not contain ":" (use "-" or "." instead)');
  }
  if (/^\d+$/.test(jobId)) {
    throw new InvalidJobIdError(jobId, 'must not be only digits');
  }
  if (/\s/.test(jobId)) {
    throw new InvalidJobIdError(jobId, 'must not contain white space');
  }
}
