import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AuthenticatedRequest } from '../../http/auth/api-key.guard';

/** The caller the API key guard authenticated (queries need it for scope and masking). */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
