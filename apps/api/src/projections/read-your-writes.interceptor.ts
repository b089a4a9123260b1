import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { from, Observable, switchMap } from 'rxjs';
import { READ_MODEL_READER, ReadModelReader } from '@gongjian/projections';
import { InvalidInputError } from '../http/validation/invalid-input.error';
import { LOG_POSITION, LOG_POSITION_MESSAGE } from '../read-side/log-position.format';
import { READ_SIDE_SETTINGS, ReadSideSettings } from './read-side.settings';
import { markWaited } from './waited-reads';

/**
 * `minPosition` on a query: wait (bounded) until every read model has applied that position,
 * so a client reads what it just wrote. The parameter is taken off the query string before the
 * query's own DTO is validated; malformed → 400, not reached in time → 504 READ_MODEL_LAGGING.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    @Inject(READ_MODEL_READER) private readonly reader: ReadModelReader,
    @Inject(READ_SIDE_SETTINGS) private readonly settings: ReadSideSettings,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const query = (request.query ?? {}) as Record<string, unknown>;
    if (!('minPosition' in query)) return next.handle();
    const raw = query.minPosition;
    delete query.minPosition;
    if (typeof raw !== 'string' || !LOG_POSITION.test(raw)) {
      throw new InvalidInputError([{ field: 'minPosition', message: LOG_POSITION_MESSAGE }]);
    }
    markWaited(request);
    return from(this.reader.waitForPosition(raw, this.settings.minPositionWaitMs)).pipe(
      switchMap(() => next.handle()),
    );
  }
}
