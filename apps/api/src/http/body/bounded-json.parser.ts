import type { FastifyInstance } from 'fastify';
import { HttpProblemError } from '../problem/http-problem.error';
import { assertFiniteNumbers, assertJsonShape } from './json-shape';

/**
 * The only body parser: application/json (any other media type is a 415), its shape bounded
 * before parsing, prototype poisoning refused, numbers finite.
 */
export function registerBoundedJsonParser(instance: FastifyInstance, bodyLimit: number): void {
  const parse = instance.getDefaultJsonParser('error', 'error');
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      const text = body as string;
      if (text.length === 0) {
        done(new HttpProblemError(400, 'MALFORMED_JSON', 'the request body is empty'), undefined);
        return;
      }
      try {
        assertJsonShape(text);
      } catch (error) {
        done(error as Error, undefined);
        return;
      }
      parse(request, text, (error, value) => {
        if (error) {
          done(new HttpProblemError(400, 'MALFORMED_JSON', 'the request body is not valid JSON'));
          return;
        }
        try {
          assertFiniteNumbers(value);
          done(null, value);
        } catch (refusal) {
          done(refusal as Error, undefined);
        }
      });
    },
  );
}
