import { randomUUID, createHash } from 'node:crypto';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { commandIdFor, CommandMetadata } from '@gongjian/write-side';
import { InvalidInputError } from './validation/invalid-input.error';
import { HttpProblemError } from './problem/http-problem.error';
import { AuthenticatedRequest } from './auth/api-key.guard';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
/** Copied into every event of the command: kept short and plain. */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Builds a command's metadata from the request: actor, Idempotency-Key, If-Match, body hash. */
export const CommandMeta = createParamDecorator((_: unknown, context: ExecutionContext) => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  const actor = request.actor;
  if (!actor) throw new Error('CommandMeta used on a route without authentication');
  return commandMetadataOf(request, actor);
});

export function commandMetadataOf(
  request: AuthenticatedRequest,
  actor: NonNullable<AuthenticatedRequest['actor']>,
): CommandMetadata {
  const key = header(request, 'idempotency-key');
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new InvalidInputError([
      { field: 'Idempotency-Key', message: 'must be 1–200 visible ASCII characters' },
    ]);
  }
  const correlationId = header(request, 'x-correlation-id');
  if (correlationId !== undefined && !CORRELATION_ID.test(correlationId)) {
    throw new InvalidInputError([
      { field: 'X-Correlation-Id', message: 'must be 1–128 letters, digits, or . _ : -' },
    ]);
  }
  const commandId = key ? commandIdFor(actor.id, key) : randomUUID();
  const route = `${request.method} ${request.routeOptions.url} ${JSON.stringify(request.params)}`;
  const requestHash = createHash('sha256')
    .update(`${route}\n${canonicalBody(request.body)}`)
    .digest('hex');
  return {
    commandId,
    correlationId: correlationId ?? commandId,
    requestHash,
    actor,
    ifMatch: parseIfMatch(header(request, 'if-match')),
    now: new Date().toISOString(),
  };
}

/** The body parser bounds depth and refuses non-finite numbers; anything else is still a 400. */
function canonicalBody(body: unknown): string {
  try {
    return canonicalize(body ?? null) ?? '';
  } catch {
    throw new HttpProblemError(400, 'MALFORMED_JSON', 'the request body cannot be read as JSON');
  }
}

function header(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Accepts 3, "3" and W/"3" (the ETag we send is "3"). */
function parseIfMatch(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,15})"?$/.exec(raw.trim());
  if (!match) {
    throw new InvalidInputError([
      { field: 'If-Match', message: 'must be a stream revision, e.g. "3"' },
    ]);
  }
  return Number(match[1]);
}
