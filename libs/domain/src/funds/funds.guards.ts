import { isBusinessDate } from '../shared/business-date';
import { fundsError } from './funds.errors';
import { FundPurpose, FundSource, isFundPurpose, isFundSource } from './funds.types';

/** Integer fen, > 0 (or ≥ 0 with allowZero), within the safe integer range. */
export function requireFen(
  field: string,
  value: number,
  options: { allowZero?: boolean } = {},
): void {
  const ok = Number.isSafeInteger(value) && (options.allowZero ? value >= 0 : value > 0);
  if (!ok) {
    throw fundsError(
      'INVALID_AMOUNT',
      `${field} must be a ${options.allowZero ? 'non-negative' : 'positive'} integer number of fen`,
      { field, value },
    );
  }
}

export function requireText(field: string, value: string | undefined): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw fundsError('REQUIRED_FIELD_MISSING', `${field} is required`, { field });
  }
}

/** A valid YYYY-MM-DD that is not after today. */
export function requirePastDate(field: string, value: string, today: string): void {
  if (!isBusinessDate(value)) {
    throw fundsError('INVALID_DATE', `${field} must be a date YYYY-MM-DD`, { field, value });
  }
  if (value > today) {
    throw fundsError('DATE_IN_FUTURE', `${field} ${value} is after today ${today}`, {
      field,
      value,
      today,
    });
  }
}

export function requireYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw fundsError('INVALID_YEAR', `year ${year} is not a plausible budget year`, { year });
  }
}

export function requireSource(source: string): asserts source is FundSource {
  if (!isFundSource(source)) {
    throw fundsError('INVALID_FUND_SOURCE', `unknown fund source ${source}`, { source });
  }
}

export function requirePurpose(purpose: string): asserts purpose is FundPurpose {
  if (!isFundPurpose(purpose)) {
    throw fundsError('INVALID_FUND_PURPOSE', `unknown fund purpose ${purpose}`, { purpose });
  }
}
