import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { from, Observable, switchMap, tap } from 'rxjs';
import { READ_MODEL_READER, ReadModelReader } from '@gongjian/projections';
import type { AuthenticatedRequest } from '../http/auth/api-key.guard';
import { LOG_POSITION } from '../read-side/log-position.format';
import { OwnWrites } from './own-writes';
import { isQueryMethod } from './query-methods';
import { READ_SIDE_SETTINGS, ReadSideSettings } from './read-side.settings';
import { markWaited } from './waited-reads';

/**
 * Read-your-writes without `minPosition`, per API key: a query waits (bounded by
 * MIN_POSITION_WAIT_MS) until the read models have applied the last position that key's commands
 * answered in this process, so a client reading after its own command sees it. Other callers
 * never wait for it; a query with `minPosition` waits for that instead. A wait that runs out
 * answers from the read models as they are (and the position is forgotten, so that read models
 * that are down cost each write one wait, not every query).
 */
@Injectable()
export class OwnWritesInterceptor implements NestInterceptor {
  private readonly writes = new OwnWrites();

  constructor(
    @Inject(READ_MODEL_READER) private readonly reader: ReadModelReader,
    @Inject(READ_SIDE_SETTINGS) private readonly settings: ReadSideSettings,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const caller = request.actor?.id;
    if (caller === undefined) return next.handle();
    if (!isQueryMethod(request.method)) {
      return next.handle().pipe(
        tap((answer: unknown) => {
          const position = (answer as { position?: unknown } | undefined)?.position;
          if (typeof position === 'string' && LOG_POSITION.test(position))
            this.writes.recorded(caller, position);
        }),
      );
    }
    const position = this.writes.pendingFor(caller);
    const query = (request.query ?? {}) as Record<string, unknown>;
    if (position === undefined || 'minPosition' in query) return next.handle();
    markWaited(request);
    const waited = this.reader
      .waitForPosition(position, this.settings.minPositionWaitMs)
      .catch(() => undefined)
      .then(() => this.writes.settled(caller, position));
    return from(waited).pipe(switchMap(() => next.handle()));
  }
}
