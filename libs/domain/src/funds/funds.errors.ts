import { DomainError } from '../shared/domain-error';

/** Stable codes of the funds rules (problem+json `code`, HTTP 422). */
export const FUNDS_ERROR_CODES = [
  'BUDGET_ALREADY_OPENED',
  'BUDGET_EXCEEDED',
  'PARTY_DUES_PURPOSE_NOT_PERMITTED',
  'ALLOCATION_ALREADY_RESERVED',
  'ALLOCATION_NOT_RESERVED',
  'RELEASE_EXCEEDS_RESERVATION',
  'ALLOCATION_ALREADY_OPENED',
  'ALLOCATION_CANCELLED',
  'DECISION_REF_REQUIRED',
  'DISBURSEMENT_EXCEEDS_ALLOCATION',
  'DISBURSEMENT_ID_CONFLICT',
  'EXPENDITURE_EXCEEDS_DISBURSED',
  'EXPENDITURE_ID_CONFLICT',
  'REDUCTION_BELOW_DISBURSED',
  'CANCEL_AFTER_DISBURSEMENT',
  'RECIPIENT_INACTIVE',
  'ALLOCATION_PROJECT_PAIRING_MISMATCH',
  'INVALID_AMOUNT',
  'TOTAL_CEILING_EXCEEDED',
  'INVALID_YEAR',
  'INVALID_FUND_SOURCE',
  'INVALID_FUND_PURPOSE',
  'INVALID_DATE',
  'DATE_IN_FUTURE',
  'REQUIRED_FIELD_MISSING',
] as const;
export type FundsErrorCode = (typeof FUNDS_ERROR_CODES)[number];

export function fundsError(
  code: FundsErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): DomainError {
  return new DomainError(code, message, details);
}
