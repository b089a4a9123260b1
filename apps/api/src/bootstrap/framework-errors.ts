import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problem, PROBLEM_CONTENT_TYPE } from '../http/problem/problem';

/** Errors Fastify raises while routing, before Nest sees the request. */
const ROUTING_ERRORS: Record<string, [number, string, string]> = {
  FST_ERR_BAD_URL: [400, 'MALFORMED_URL', 'the URL is not validly percent-encoded'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'PATH_PARAMETER_TOO_LONG', 'a path parameter is too long'],
  FST_ERR_ASYNC_CONSTRAINT: [400, 'MALFORMED_REQUEST', 'the request cannot be routed'],
};

/** Fastify's `frameworkErrors` option: routing failures answered as problem+json. */
export function frameworkErrors(
  error: Error & { code?: string },
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const [status, code, detail] = ROUTING_ERRORS[error.code ?? ''] ?? [
    400,
    'MALFORMED_REQUEST',
    'the request cannot be routed',
  ];
  void reply
    .status(status)
    .header('Content-Type', PROBLEM_CONTENT_TYPE)
    .send(problem(status, code, detail));
}

/** Fastify's `clientErrorHandler`: the HTTP parser refused the request (no route, no Nest). */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE', 'the request headers are too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT', 'the request took too long to arrive']
        : [400, 'MALFORMED_HTTP', 'the request is not valid HTTP'];
  const body = JSON.stringify(problem(status, code, detail));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
