import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { catchError, from, Observable, switchMap, throwError } from 'rxjs';
import { NotFoundError } from '@gongjian/domain';
import { EVENT_STORE, type EventStore } from '@gongjian/event-store';
import { READ_MODEL_READER, ReadModelReader } from '@gongjian/projections';
import { HttpProblemError } from '../http/problem/http-problem.error';
import { isQueryMethod } from './query-methods';
import { READ_SIDE_SETTINGS, ReadSideSettings } from './read-side.settings';

const isNotFound = (error: unknown) =>
  error instanceof NotFoundError || (error instanceof HttpProblemError && error.status === 404);

/**
 * A query that finds nothing (404) is asked once more after the read models have applied the
 * log as far as it went when the query missed, so that what a client has just created is found
 * even without `minPosition` (read models trail the log by a few milliseconds). A query that
 * finds what it asks for answers at once; one whose miss outlasts the wait limit
 * answers its 404.
 */
@Injectable()
export class LookupAfterCatchUpInterceptor implements NestInterceptor {
  constructor(
    @Inject(READ_MODEL_READER) private readonly reader: ReadModelReader,
    @Inject(READ_SIDE_SETTINGS) private readonly settings: ReadSideSettings,
    @Inject(EVENT_STORE) private readonly events: EventStore,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (!isQueryMethod(request.method)) return next.handle();
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!isNotFound(error)) return throwError(() => error);
        return from(this.caughtUpWithLog()).pipe(
          switchMap((caughtUp) => (caughtUp ? next.handle() : throwError(() => error))),
        );
      }),
    );
  }

  /** Whether the read models have applied the log's head as it is now, within the limit. */
  private async caughtUpWithLog(): Promise<boolean> {
    try {
      const head = await this.events.headPosition();
      if (head === undefined) return false;
      await this.reader.waitForPosition(head, this.settings.minPositionWaitMs);
      return true;
    } catch {
      return false;
    }
  }
}
