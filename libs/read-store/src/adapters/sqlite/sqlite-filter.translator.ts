import { Condition, Scalar, UnsupportedFilterError } from '../../document-filter';

export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** How the collection stores a field: a column (_id, _pos), an indexed JSON path, or a plain one. */
export interface SqliteFieldLayout {
  /** The side table holding the elements of array values of indexed fields. */
  elementsTable: string;
  isIndexed(path: string): boolean;
  /** Whether any stored document holds an array under this indexed field. */
  hasArrayValues(path: string): boolean;
}

const COLUMNS: Record<string, string> = { _id: 'id', _pos: 'pos' };
const COMPARATORS = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
type Comparator = keyof typeof COMPARATORS;

/** The expression an index on `path` is built on: queries must use exactly this text. */
export function fieldExpression(path: string): string {
  return COLUMNS[path] ?? `json_extract(doc, '$.${path}')`;
}

/** SQLite storage classes of a JSON value, as json_type() and json_each().type name them. */
function jsonTypes(value: Scalar): string {
  if (typeof value === 'string') return `('text')`;
  if (typeof value === 'number') return `('integer', 'real')`;
  return `('true', 'false')`;
}

export function bindable(value: Scalar): unknown {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/**
 * Mongo semantics in SQL: a comparison matches a scalar of the same type, or any element of an
 * array. Indexed fields use their expression index for scalars and the elements table for
 * arrays (both index lookups, so SQLite's OR optimisation keeps the query off a scan).
 */
export function translateCondition(condition: Condition, layout: SqliteFieldLayout): SqlFragment {
  if (condition.kind !== 'field') {
    const parts = condition.conditions.map((c) => translateCondition(c, layout));
    if (parts.length === 0) return { sql: condition.kind === 'and' ? '1' : '0', params: [] };
    const joiner = condition.kind === 'and' ? ' AND ' : ' OR ';
    return {
      sql: parts.map((p) => `(${p.sql})`).join(joiner),
      params: parts.flatMap((p) => p.params),
    };
  }
  const { path, op, value } = condition;
  switch (op) {
    case 'eq':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return compare(path, op, value as Scalar, layout);
    case 'ne':
      return negate(compare(path, 'eq', value as Scalar, layout));
    case 'in':
      return anyOf(path, value as Scalar[], layout);
    case 'nin':
      return negate(anyOf(path, value as Scalar[], layout));
    case 'exists':
      if (COLUMNS[path]) return { sql: value ? '1' : '0', params: [] };
      return { sql: `json_type(doc, '$.${path}') IS ${value ? 'NOT ' : ''}NULL`, params: [] };
  }
}

function anyOf(path: string, values: Scalar[], layout: SqliteFieldLayout): SqlFragment {
  return translateCondition(
    { kind: 'or', conditions: values.map((v) => ({ kind: 'field', path, op: 'eq', value: v })) },
    layout,
  );
}

function negate(fragment: SqlFragment): SqlFragment {
  return { sql: `NOT COALESCE((${fragment.sql}), 0)`, params: fragment.params };
}

function compare(
  path: string,
  comparator: Comparator,
  value: Scalar,
  layout: SqliteFieldLayout,
): SqlFragment {
  const sqlOp = COMPARATORS[comparator];
  if (value === null) {
    if (comparator !== 'eq')
      throw new UnsupportedFilterError(`"${path}" cannot be ordered against null`);
    return { sql: `${fieldExpression(path)} IS NULL`, params: [] };
  }
  if (COLUMNS[path]) {
    if (typeof value !== 'string') return { sql: '0', params: [] };
    return { sql: `${COLUMNS[path]} ${sqlOp} ?`, params: [value] };
  }
  if (typeof value === 'boolean' && comparator !== 'eq')
    throw new UnsupportedFilterError(`"${path}" cannot be ordered against a boolean`);
  const expression = fieldExpression(path);
  const types = jsonTypes(value);
  const bound = bindable(value);
  const scalarMatch = `${expression} ${sqlOp} ? AND json_type(doc, '$.${path}') IN ${types}`;
  if (layout.isIndexed(path)) {
    if (typeof value === 'boolean' || !layout.hasArrayValues(path))
      return { sql: scalarMatch, params: [bound] };
    const elements =
      `id IN (SELECT id FROM "${layout.elementsTable}" WHERE field = ? AND value ${sqlOp} ?` +
      ` AND typeof(value) IN ${typeof value === 'string' ? `('text')` : `('integer', 'real')`})`;
    return { sql: `(${scalarMatch}) OR ${elements}`, params: [bound, path, bound] };
  }
  // Not indexed: json_each yields a scalar itself, or each element of an array.
  return {
    sql:
      `json_type(doc, '$.${path}') <> 'object' AND EXISTS (SELECT 1 FROM json_each(doc, '$.${path}')` +
      ` WHERE value ${sqlOp} ? AND type IN ${types})`,
    params: [bound],
  };
}
