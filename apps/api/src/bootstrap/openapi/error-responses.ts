import type { OpenAPIObject } from '@nestjs/swagger';
import { addProblemComponents, problemResponseName } from './problem-schema';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;

/** Probes and documentation: no key, and only a malformed request can fail them with a 4xx. */
const PUBLIC_PATHS = [/^\/health$/, /^\/ready$/, /^\/metrics$/, /^\/docs(?:[-/].*)?$/];
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * The error statuses an operation can answer, from its method and route alone, so that every
 * controller (present and future) is documented in one place.
 */
export function errorStatusesOf(method: string, path: string, operation: Operation): number[] {
  if (PUBLIC_PATHS.some((p) => p.test(path))) {
    return path === '/ready' ? [400, 503] : [400];
  }
  const hasPathParameter = path.includes('{');
  const waitsForPosition = (operation.parameters ?? []).some(
    (p) => 'name' in p && p.name === 'minPosition',
  );
  if (method === 'get') {
    return [
      400,
      401,
      403,
      ...(hasPathParameter ? [404] : []),
      503,
      ...(waitsForPosition ? [504] : []),
    ];
  }
  return [400, 401, 403, 404, 409, 412, 413, 415, 422, 503];
}

/**
 * Post-processes the generated document: the problem+json schema, every operation's error
 * responses, the API key required everywhere but on the public probes.
 */
export function documentErrorResponses(document: OpenAPIObject): OpenAPIObject {
  const used = new Set<number>();
  const bearer = Object.keys(document.components?.securitySchemes ?? {})[0] ?? 'bearer';
  document.security = [{ [bearer]: [] }];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const isPublic = PUBLIC_PATHS.some((p) => p.test(path));
      operation.security = isPublic ? [] : [{ [bearer]: [] }];
      for (const status of errorStatusesOf(method, path, operation)) {
        used.add(status);
        operation.responses[String(status)] ??= {
          $ref: `#/components/responses/${problemResponseName(status)}`,
        };
      }
    }
  }
  addProblemComponents(document, used);
  return document;
}
