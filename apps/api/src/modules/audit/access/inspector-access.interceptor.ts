import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { from, Observable, switchMap } from 'rxjs';
import { auditAccessStreamId, inspectorAccessEvent } from '@gongjian/audit';
import { EVENT_STORE, EventStore } from '@gongjian/event-store';
import type { AuthenticatedRequest } from '../../../http/auth/api-key.guard';
import { HttpProblemError } from '../../../http/problem/http-problem.error';

/**
 * Every request an inspector makes is appended (who, what, when) to `audit-access-<month>`
 * before it is served. A read that cannot be recorded is refused (503), never served unrecorded:
 * the county must be able to show every look inspectors took. Inspectors have no command route,
 * so they cannot write to that stream. A request is recorded once, however often what serves it
 * runs (a lookup asked again once the read models caught up).
 */
@Injectable()
export class InspectorAccessInterceptor implements NestInterceptor {
  private readonly recorded = new WeakSet<object>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = request.actor;
    if (actor?.role !== 'inspector' || this.recorded.has(request)) return next.handle();
    this.recorded.add(request);
    const now = new Date();
    const record = this.store
      .append(
        auditAccessStreamId(now),
        [
          inspectorAccessEvent(
            { id: actor.id, role: actor.role },
            request.method,
            request.url,
            now,
          ),
        ],
        'any',
      )
      .catch(() => {
        throw new HttpProblemError(
          503,
          'AUDIT_ACCESS_NOT_RECORDED',
          'this read could not be recorded, so it is not served; retry later',
        );
      });
    return from(record).pipe(switchMap(() => next.handle()));
  }
}
