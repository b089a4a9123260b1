/**
 * The shape a request body may have, checked on the raw text before it is parsed or validated,
 * so that an oversized object costs a linear scan, not seconds of validation.
 */
export const BODY_LIMITS: {
  readonly maxDepth: number;
  readonly maxKeys: number;
  readonly maxArrayItems: number;
  readonly maxListedErrors: number;
} = {
  /** Object nesting: our deepest body (a pairing's contact leader) is 2 levels. */
  maxDepth: 16,
  /** Object keys in the whole body. */
  maxKeys: 1000,
  /** Array elements in the whole body. */
  maxArrayItems: 5000,
  /** Invalid fields listed in a 400 (the problem also gives the total count). */
  maxListedErrors: 50,
};
