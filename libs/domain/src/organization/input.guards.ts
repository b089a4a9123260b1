import { isBusinessDate } from '../shared/business-date';
import { DomainError } from '../shared/domain-error';
import { addWithinCeiling, isAmountFen, MAX_AMOUNT_FEN } from '../shared/money';

/**
 * Defensive checks of command input, for rules the HTTP layer may not enforce.
 * Generic (not organization-specific): used by the organization, pairing and project deciders.
 */
export const InputErrorCode = {
  INVALID_VALUE: 'INVALID_VALUE',
  INVALID_DATE: 'INVALID_DATE',
  INVALID_DATE_RANGE: 'INVALID_DATE_RANGE',
  INVALID_AMOUNT: 'INVALID_AMOUNT',
  TOTAL_CEILING_EXCEEDED: 'TOTAL_CEILING_EXCEEDED',
  INVALID_COUNT: 'INVALID_COUNT',
  INVALID_YEAR: 'INVALID_YEAR',
  DATE_IN_FUTURE: 'DATE_IN_FUTURE',
} as const;

export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DomainError(InputErrorCode.INVALID_VALUE, `${field} must be a non-empty string`, {
      field,
    });
  }
  return value;
}

export function requireOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  field: string,
): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new DomainError(
      InputErrorCode.INVALID_VALUE,
      `${field} must be one of ${allowed.join(', ')}`,
      {
        field,
        value,
        allowed,
      },
    );
  }
  return value as T;
}

export function requireArray(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) {
    throw new DomainError(InputErrorCode.INVALID_VALUE, `${field} must be a list`, { field });
  }
  return value;
}

export function requireDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !isBusinessDate(value)) {
    throw new DomainError(InputErrorCode.INVALID_DATE, `${field} must be a date YYYY-MM-DD`, {
      field,
      value,
    });
  }
  return value;
}

/** `from` strictly before `to`. */
export function requireDateRange(
  from: string,
  to: string,
  fromField: string,
  toField: string,
): void {
  if (from >= to) {
    throw new DomainError(
      InputErrorCode.INVALID_DATE_RANGE,
      `${fromField} must be before ${toField}`,
      {
        [fromField]: from,
        [toField]: to,
      },
    );
  }
}

export function requireNotInFuture(date: string, today: string, field: string): void {
  if (date > today) {
    throw new DomainError(
      InputErrorCode.DATE_IN_FUTURE,
      `${field} ${date} is after today ${today}`,
      {
        field,
        value: date,
        today,
      },
    );
  }
}

/** Integer fen, > 0 (or >= 0 with `allowZero`), up to MAX_AMOUNT_FEN. */
export function requireAmountFen(value: unknown, field: string, allowZero = false): number {
  if (!isAmountFen(value, allowZero)) {
    throw new DomainError(
      InputErrorCode.INVALID_AMOUNT,
      `${field} must be an integer number of fen ${allowZero ? '>= 0' : '> 0'} up to ${MAX_AMOUNT_FEN}`,
      { field, value },
    );
  }
  return value;
}

/** A running total after adding an amount; refused (never rounded) past the ceiling. */
export function requireTotalFen(total: number, amountFen: number, field: string): number {
  const sum = addWithinCeiling(total, amountFen);
  if (sum === undefined) {
    throw new DomainError(
      InputErrorCode.TOTAL_CEILING_EXCEEDED,
      `${field} would pass ${MAX_AMOUNT_FEN} fen (${total} + ${amountFen})`,
      { field, totalFen: total, amountFen, ceilingFen: MAX_AMOUNT_FEN },
    );
  }
  return sum;
}

/** Integer count, >= 0 (or > 0 with `positive`). */
export function requireCount(value: unknown, field: string, positive = false): number {
  if (!Number.isSafeInteger(value) || (value as number) < (positive ? 1 : 0)) {
    throw new DomainError(
      InputErrorCode.INVALID_COUNT,
      `${field} must be an integer ${positive ? '> 0' : '>= 0'}`,
      { field, value },
    );
  }
  return value as number;
}

/** A calendar year, not after the year of `today`. */
export function requireYear(value: unknown, today: string, field = 'year'): number {
  if (!Number.isSafeInteger(value) || (value as number) < 1900 || (value as number) > 9999) {
    throw new DomainError(InputErrorCode.INVALID_YEAR, `${field} must be a four-digit year`, {
      field,
      value,
    });
  }
  const year = value as number;
  if (year > Number(today.slice(0, 4))) {
    throw new DomainError(InputErrorCode.DATE_IN_FUTURE, `${field} ${year} is in the future`, {
      field,
      value: year,
      today,
    });
  }
  return year;
}

/** Drops keys whose value is undefined, so event data stays plain JSON. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
