import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticatedActor } from './api-key';
import { AuthenticatedRequest } from './api-key.guard';

/** The caller of an authenticated route (set by the API key guard), for scope checks in queries. */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedActor => {
    const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
    if (!actor) throw new Error('CurrentActor used on a route without authentication');
    return actor;
  },
);
