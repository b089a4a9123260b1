import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';
import { CommandResult } from '@gongjian/write-side';

/** ETag: the stream revision after the command (API.md), usable as If-Match next time. */
@Injectable()
export class CommandResultInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((result: CommandResult) => {
        if (result && typeof result.revision === 'number')
          reply.header('ETag', `"${result.revision}"`);
        return result;
      }),
    );
  }
}
