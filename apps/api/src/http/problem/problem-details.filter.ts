import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, NotFoundError } from '@gongjian/domain';
import { OutcomeUnknownError, StoreUnavailableError } from '@gongjian/event-store';
import { ReadModelLagError } from '@gongjian/projections';
import { ReadStoreUnavailableError } from '@gongjian/read-store';
import {
  ConcurrencyConflictError,
  IdempotencyKeyReusedError,
  OutOfScopeError,
  PreconditionFailedError,
} from '@gongjian/write-side';
import { InvalidInputError } from '../validation/invalid-input.error';
import { HttpProblemError } from './http-problem.error';
import { Problem, problem, PROBLEM_CONTENT_TYPE } from './problem';

/** Fastify's own request errors, by code. */
const FASTIFY_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'MALFORMED_JSON', 'the request body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'MALFORMED_JSON', 'the request body is empty'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE', 'the request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE', 'send application/json'],
};

/** Every error leaves as application/problem+json; nothing internal reaches the client. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toProblem(exception);
    if (body.status >= 500) this.logger.error(exception);
    reply.status(body.status).header('Content-Type', PROBLEM_CONTENT_TYPE).send(body);
  }

  private toProblem(e: unknown): Problem {
    if (e instanceof InvalidInputError) {
      return problem(400, e.code, e.message, { errors: e.errors, errorCount: e.errorCount });
    }
    if (e instanceof HttpProblemError) return problem(e.status, e.code, e.message);
    if (e instanceof NotFoundError) return problem(404, e.code, e.message);
    if (e instanceof DomainError) return problem(422, e.code, e.message, detailsOf(e));
    if (e instanceof IdempotencyKeyReusedError) return problem(422, e.code, e.message);
    if (e instanceof PreconditionFailedError) {
      return problem(412, e.code, e.message, { currentRevision: e.actual });
    }
    if (e instanceof ConcurrencyConflictError) return problem(409, e.code, e.message);
    if (e instanceof OutOfScopeError) return problem(403, e.code, e.message);
    if (e instanceof OutcomeUnknownError) {
      return problem(
        503,
        e.code,
        'the write may or may not have been stored; retry with the same Idempotency-Key',
      );
    }
    if (e instanceof StoreUnavailableError) {
      return problem(
        503,
        e.code,
        'the event store is unavailable; nothing was written, retry later',
      );
    }
    if (e instanceof ReadStoreUnavailableError) {
      return problem(503, e.code, 'the read store is unavailable; retry later');
    }
    if (e instanceof ReadModelLagError) {
      return problem(504, e.code, e.message, { minPosition: e.requested, reached: e.reached });
    }
    const fastify = FASTIFY_ERRORS[(e as { code?: string })?.code ?? ''];
    if (fastify) return problem(fastify[0], fastify[1], fastify[2]);
    if (e instanceof HttpException) return fromHttpException(e);
    return problem(500, 'INTERNAL_ERROR', 'an unexpected error occurred; it has been logged');
  }
}

/** Field errors a refusal carries in its details are also the problem's own `errors` (API.md). */
function detailsOf(e: DomainError): Partial<Problem> {
  if (!Object.keys(e.details).length) return {};
  const errors = fieldErrorsOf(e.details.errors);
  return errors ? { errors, details: e.details } : { details: e.details };
}

function fieldErrorsOf(value: unknown): Problem['errors'] {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const errors = value.filter(
    (v: unknown): v is { field: string; message: string } =>
      typeof v === 'object' &&
      v !== null &&
      typeof (v as { field?: unknown }).field === 'string' &&
      typeof (v as { message?: unknown }).message === 'string',
  );
  if (errors.length !== value.length) return undefined;
  return errors.map(({ field, message }) => ({ field, message }));
}

function fromHttpException(e: HttpException): Problem {
  const status = e.getStatus();
  const codes: Record<number, string> = {
    400: 'MALFORMED_REQUEST',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'ROUTE_NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    413: 'BODY_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
  };
  const response = e.getResponse();
  const message =
    typeof response === 'object' && response !== null && 'message' in response
      ? String((response as { message: unknown }).message)
      : e.message;
  return problem(status, codes[status] ?? `HTTP_${status}`, message);
}
