import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';
import { SerializedPage } from './serialized-page';

/** Answers with a SerializedPage's bytes as `application/json`; any other result passes unchanged. */
@Injectable()
export class SerializedPageInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof SerializedPage)) return result;
        reply.header('content-type', 'application/json; charset=utf-8');
        return result.toBuffer();
      }),
    );
  }
}
