import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';

/**
 * Put on every query endpoint (or a query controller): accepts `minPosition` and waits for the
 * read models to reach it (API.md, Conventions). The 504 problem response is documented with
 * the other error statuses in bootstrap/openapi, for every GET that takes `minPosition`.
 */
export function ReadYourWrites(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseInterceptors(ReadYourWritesInterceptor),
    ApiQuery({
      name: 'minPosition',
      required: false,
      description:
        'A `position` a command answered: the query waits until the read models have applied it (504 READ_MODEL_LAGGING after the wait limit, MIN_POSITION_WAIT_MS). Without it, the query still waits (bounded) for the last write of the same API key in this process, and a lookup that finds nothing looks again once the read models have caught up with the log.',
    }),
  );
}
