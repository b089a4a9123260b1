import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '../../http/problem/problem';

type Components = NonNullable<OpenAPIObject['components']>;

/** RFC 9457 problem details, as every error of the API is answered (API.md). */
export const PROBLEM_SCHEMA: NonNullable<Components['schemas']>[string] = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', description: 'a URI naming the kind of problem' },
    title: { type: 'string', description: 'the HTTP status in words' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: { type: 'string', description: 'what went wrong, for a person' },
    code: {
      type: 'string',
      pattern: '^[A-Z][A-Z0-9_]*$',
      description:
        'stable, for programs: e.g. INVALID_INPUT, MALFORMED_JSON, UNSUPPORTED_MEDIA_TYPE, ' +
        'UNAUTHENTICATED, OUT_OF_SCOPE, ORGANIZATION_NOT_FOUND, BUDGET_EXCEEDED, ' +
        'PRECONDITION_FAILED, STORE_UNAVAILABLE, OUTCOME_UNKNOWN',
    },
    errors: {
      type: 'array',
      description: 'the invalid fields (400 INVALID_INPUT), the first 50 of them',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: { field: { type: 'string' }, message: { type: 'string' } },
      },
    },
    errorCount: { type: 'integer', description: 'how many invalid fields in all' },
    details: { type: 'object', description: 'the facts behind a refused rule (422)' },
    currentRevision: { type: 'integer', description: 'the revision now (412)' },
  },
};

/** What each error status means on this API. */
export const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Malformed or invalid input: bad JSON, a body too deep or too wide, invalid fields (each listed), a malformed header or URL',
  401: 'No API key, a malformed Authorization header, or an unknown key',
  403: 'The role may not call this endpoint, or the resource is outside the key’s townships',
  404: 'An unknown resource, or a reference to one',
  409: 'The stream kept changing during the retries; retry the request',
  412: 'If-Match names a stale revision',
  413: 'The body is larger than the limit',
  415: 'The body is not application/json',
  422: 'A domain rule refused the command (`code` names the rule), or an Idempotency-Key was reused with another request',
  503: 'A store is unavailable: STORE_UNAVAILABLE (nothing written; on a query, the read store did not answer) or OUTCOME_UNKNOWN (retry with the same Idempotency-Key)',
  504: 'The read models did not reach minPosition in time',
};

export const problemResponseName = (status: number) => `Problem${status}`;

/** `components.schemas.Problem` and one reusable response per error status used. */
export function addProblemComponents(document: OpenAPIObject, statuses: Set<number>): void {
  const components: Components = (document.components ??= {});
  components.schemas = { ...components.schemas, Problem: PROBLEM_SCHEMA };
  components.responses = { ...components.responses };
  for (const status of [...statuses].sort()) {
    components.responses[problemResponseName(status)] = {
      description: ERROR_DESCRIPTIONS[status],
      content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
}
