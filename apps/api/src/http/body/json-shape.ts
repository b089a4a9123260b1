import { HttpProblemError } from '../problem/http-problem.error';
import { BODY_LIMITS } from './body-limits';

type ShapeLimits = Pick<typeof BODY_LIMITS, 'maxDepth' | 'maxKeys' | 'maxArrayItems'>;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;

/**
 * One pass over JSON text, outside strings: nesting depth, keys (colons) and array elements
 * (commas inside arrays). Refuses as soon as a bound is passed; malformed text is left to the
 * parser that runs next.
 */
export function assertJsonShape(text: string, limits: ShapeLimits = BODY_LIMITS): void {
  const stack: number[] = [];
  let keys = 0;
  let items = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      stack.push(c);
      if (stack.length > limits.maxDepth) {
        throw new HttpProblemError(
          400,
          'BODY_TOO_DEEP',
          `the request body nests deeper than ${limits.maxDepth} levels`,
        );
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) stack.pop();
    else if (c === COLON && ++keys > limits.maxKeys) {
      throw new HttpProblemError(
        400,
        'TOO_MANY_FIELDS',
        `the request body has more than ${limits.maxKeys} fields`,
      );
    } else if (
      c === COMMA &&
      stack[stack.length - 1] === OPEN_ARRAY &&
      ++items > limits.maxArrayItems
    ) {
      throw new HttpProblemError(
        400,
        'TOO_MANY_ITEMS',
        `the request body has more than ${limits.maxArrayItems} array items`,
      );
    }
  }
}

/** JSON.parse turns 1e999 into Infinity, which no field accepts and no fingerprint can hash. */
export function assertFiniteNumbers(value: unknown, path = ''): void {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new HttpProblemError(
      400,
      'MALFORMED_JSON',
      `${path || 'the body'} holds a number out of range`,
    );
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      assertFiniteNumbers(child, path ? `${path}.${key}` : key);
    }
  }
}
