import { FastifyAdapter } from '@nestjs/platform-fastify';
import { HttpProblemError } from '../http/problem/http-problem.error';

/** Fastify's own request errors, by code: the stable code a client sees for each. */
const FASTIFY_REQUEST_ERRORS: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'BODY_TOO_LARGE'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'UNSUPPORTED_MEDIA_TYPE'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'INVALID_CONTENT_LENGTH'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'MALFORMED_JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'MALFORMED_JSON'],
};

/** The error as the problem filter should see it: Fastify's request errors keep their code. */
export function withStableCode<E>(error: E): E | HttpProblemError {
  const known = FASTIFY_REQUEST_ERRORS[(error as { code?: string })?.code ?? ''];
  return known ? new HttpProblemError(known[0], known[1], (error as Error).message) : error;
}

type ErrorHandler = Parameters<FastifyAdapter['setErrorHandler']>[0];

/**
 * Nest turns every Fastify error into a bare HttpException (status and message, no code), so
 * the adapter hands Nest's error handler an error that still names what went wrong.
 */
export class ProblemFastifyAdapter extends FastifyAdapter {
  override setErrorHandler(handler: ErrorHandler) {
    const withCodes: ErrorHandler = function (
      this: ThisParameterType<ErrorHandler>,
      error,
      ...rest
    ) {
      return handler.call(this, withStableCode(error) as typeof error, ...rest);
    };
    return super.setErrorHandler(withCodes);
  }
}
