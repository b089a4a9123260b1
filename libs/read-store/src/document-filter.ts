import type { Filter, SortSpec } from './document-store.port';

/** A value a filter compares with: what read models keep in indexed fields. */
export type Scalar = string | number | boolean | null;

export type FieldOperator = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'exists';

export type Condition =
  | { kind: 'and' | 'or'; conditions: Condition[] }
  | { kind: 'field'; path: string; op: FieldOperator; value: Scalar | Scalar[] };

/** A filter outside the subset every adapter answers identically (a programming error). */
export class UnsupportedFilterError extends Error {
  readonly code = 'UNSUPPORTED_FILTER';
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedFilterError';
  }
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const OPERATORS: Record<string, FieldOperator> = {
  $eq: 'eq',
  $ne: 'ne',
  $gt: 'gt',
  $gte: 'gte',
  $lt: 'lt',
  $lte: 'lte',
  $in: 'in',
  $nin: 'nin',
  $exists: 'exists',
};

export function assertFieldPath(path: string): string {
  if (!PATH.test(path)) throw new UnsupportedFilterError(`not a supported field path: "${path}"`);
  return path;
}

export function assertSort(sort: SortSpec | undefined): void {
  for (const [field, direction] of sort ?? []) {
    assertFieldPath(field);
    if (direction !== 1 && direction !== -1)
      throw new UnsupportedFilterError(`sort direction of "${field}" must be 1 or -1`);
  }
}

/** Parses a filter of the port's subset into conditions; anything else is refused, not guessed. */
export function parseFilter(filter: Filter): Condition {
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter))
    throw new UnsupportedFilterError('a filter is an object');
  const conditions: Condition[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0)
        throw new UnsupportedFilterError(`${key} takes a non-empty array of filters`);
      conditions.push({ kind: key === '$and' ? 'and' : 'or', conditions: value.map(parseFilter) });
    } else if (key.startsWith('$')) {
      throw new UnsupportedFilterError(`unsupported top-level operator ${key}`);
    } else {
      conditions.push(...parseField(assertFieldPath(key), value));
    }
  }
  return { kind: 'and', conditions };
}

function parseField(path: string, value: unknown): Condition[] {
  if (isOperatorObject(value)) {
    return Object.entries(value).map(([operator, operand]) => {
      const op = OPERATORS[operator];
      if (!op) throw new UnsupportedFilterError(`unsupported operator ${operator} on "${path}"`);
      if (op === 'exists') {
        if (typeof operand !== 'boolean')
          throw new UnsupportedFilterError(`$exists on "${path}" takes true or false`);
        return { kind: 'field', path, op, value: operand };
      }
      if (op === 'in' || op === 'nin') {
        if (!Array.isArray(operand))
          throw new UnsupportedFilterError(`${operator} on "${path}" takes an array`);
        return { kind: 'field', path, op, value: operand.map((v) => scalar(path, v)) };
      }
      return { kind: 'field', path, op, value: scalar(path, operand) };
    });
  }
  return [{ kind: 'field', path, op: 'eq', value: scalar(path, value) }];
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

function scalar(path: string, value: unknown): Scalar {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new UnsupportedFilterError(
    `"${path}" can only be compared with a string, a finite number, a boolean or null`,
  );
}
