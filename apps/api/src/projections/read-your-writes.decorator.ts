import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { ApiQuery, ApiResponse } from '@nestjs/swagger';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';

/**
 * Put on every query endpoint (or a query controller): accepts `minPosition` and waits for the
 * read models to reach it (API.md, Conventions).
 */
export function ReadYourWrites(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    UseInterceptors(ReadYourWritesInterceptor),
    ApiQuery({
      name: 'minPosition',
      required: false,
      description:
        'A `position` a command answered: the query waits until the read models have applied it (504 READ_MODEL_LAGGING after the wait limit, MIN_POSITION_WAIT_MS).',
    }),
    ApiResponse({
      status: 504,
      description: 'READ_MODEL_LAGGING: read models did not reach minPosition in time',
    }),
  );
}
