import type { EventStore } from '@gongjian/event-store';
import type { JobHandler } from '@gongjian/jobs';
import type { DocumentStore } from '@gongjian/read-store';

export interface JobHandlerDependencies {
  events: EventStore;
  store: DocumentStore;
}

/**
 * The handlers this worker runs, by job name (the star-rating evaluation jobs among them).
 * With none, the worker opens no job queue, so a job enqueued by the api is never taken and
 * failed here for want of a handler.
 */
export function jobHandlers(_deps: JobHandlerDependencies): Map<string, JobHandler> {
  return new Map();
}
