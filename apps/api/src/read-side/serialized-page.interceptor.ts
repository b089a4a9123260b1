import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { map, Observable } from 'rxjs';
import { SentPages } from './sent-pages';
import { SerializedPage } from './serialized-page';

/** Answers with a SerializedPage's bytes as `application/json`; any other result passes unchanged. */
@Injectable()
export class SerializedPageInterceptor implements NestInterceptor {
  private readonly sent = new SentPages();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const { url } = http.getRequest<FastifyRequest>();
    return next.handle().pipe(
      map((result: unknown) => {
        if (!(result instanceof SerializedPage)) return result;
        reply.header('content-type', 'application/json; charset=utf-8');
        return this.sent.bytesOf(url, result);
      }),
    );
  }
}
