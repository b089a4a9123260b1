import { DomainError, NotFoundError } from '../shared/domain-error';

export const RatingErrorCode = {
  /** NotFoundError('rating', id).code */
  RATING_NOT_FOUND: 'RATING_NOT_FOUND',
  RATING_ALREADY_FINAL: 'RATING_ALREADY_FINAL',
  RATING_NOT_PROVISIONAL: 'RATING_NOT_PROVISIONAL',
  NOTICE_PERIOD_NOT_OVER: 'NOTICE_PERIOD_NOT_OVER',
  RATING_ALREADY_REVOKED: 'RATING_ALREADY_REVOKED',
  RULE_SET_VERSION_EXISTS: 'RULE_SET_VERSION_EXISTS',
  RULE_SET_VERSION_NOT_NEWER: 'RULE_SET_VERSION_NOT_NEWER',
} as const;

export const ratingNotFound = (organizationId: string, period: string) =>
  new NotFoundError('rating', `${organizationId}/${period}`);

export const ratingAlreadyFinal = (organizationId: string, period: string) =>
  new DomainError(
    RatingErrorCode.RATING_ALREADY_FINAL,
    `the ${period} rating of ${organizationId} is final; revoke it instead of changing it`,
    { organizationId, period },
  );

export const ratingNotProvisional = (organizationId: string, period: string, status: string) =>
  new DomainError(
    RatingErrorCode.RATING_NOT_PROVISIONAL,
    `the ${period} rating of ${organizationId} is ${status}: objections are taken during the public notice only`,
    { organizationId, period, status },
  );

export const noticePeriodNotOver = (organizationId: string, period: string, noticeEndsOn: string) =>
  new DomainError(
    RatingErrorCode.NOTICE_PERIOD_NOT_OVER,
    `the public notice of the ${period} rating of ${organizationId} runs until ${noticeEndsOn}`,
    { organizationId, period, noticeEndsOn },
  );

export const ratingAlreadyRevoked = (organizationId: string, period: string) =>
  new DomainError(
    RatingErrorCode.RATING_ALREADY_REVOKED,
    `the ${period} rating of ${organizationId} was revoked`,
    { organizationId, period },
  );
