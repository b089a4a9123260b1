import { DomainError, NotFoundError } from '../shared/domain-error';

export const ProjectErrorCode = {
  /** NotFoundError('project', id).code */
  PROJECT_NOT_FOUND: 'PROJECT_NOT_FOUND',
  PROJECT_ALREADY_LAUNCHED: 'PROJECT_ALREADY_LAUNCHED',
  PROJECT_ALREADY_COMPLETED: 'PROJECT_ALREADY_COMPLETED',
  PROJECT_OUTSIDE_PAIRING_TERM: 'PROJECT_OUTSIDE_PAIRING_TERM',
  INVESTMENT_BEFORE_START: 'INVESTMENT_BEFORE_START',
  COMPLETION_BEFORE_START: 'COMPLETION_BEFORE_START',
  COMPLETION_BEFORE_LAST_INVESTMENT: 'COMPLETION_BEFORE_LAST_INVESTMENT',
  FUNDING_ARRIVED_EXCEEDS_SECURED: 'FUNDING_ARRIVED_EXCEEDS_SECURED',
  OUTPUT_UNIT_NOT_APPLICABLE: 'OUTPUT_UNIT_NOT_APPLICABLE',
  OUTPUT_DESCRIPTION_REQUIRED: 'OUTPUT_DESCRIPTION_REQUIRED',
  RECORD_ID_CONFLICT: 'RECORD_ID_CONFLICT',
} as const;

export const projectNotFound = (id: string) => new NotFoundError('project', id);

export const projectAlreadyLaunched = (id: string) =>
  new DomainError(ProjectErrorCode.PROJECT_ALREADY_LAUNCHED, `project ${id} was already launched`, {
    projectId: id,
  });

export const projectAlreadyCompleted = (id: string, completedOn: string) =>
  new DomainError(
    ProjectErrorCode.PROJECT_ALREADY_COMPLETED,
    `project ${id} was completed on ${completedOn}`,
    { projectId: id, completedOn },
  );

export const projectOutsidePairingTerm = (
  startsOn: string,
  termStartsOn: string,
  termEndsOn: string,
) =>
  new DomainError(
    ProjectErrorCode.PROJECT_OUTSIDE_PAIRING_TERM,
    `project start ${startsOn} is outside the pairing term ${termStartsOn}..${termEndsOn}`,
    { startsOn, pairingStartsOn: termStartsOn, pairingEndsOn: termEndsOn },
  );

export const investmentBeforeStart = (on: string, startsOn: string) =>
  new DomainError(
    ProjectErrorCode.INVESTMENT_BEFORE_START,
    `investment on ${on} precedes the project start ${startsOn}`,
    { on, startsOn },
  );

export const completionBeforeStart = (on: string, startsOn: string) =>
  new DomainError(
    ProjectErrorCode.COMPLETION_BEFORE_START,
    `completion on ${on} precedes the project start ${startsOn}`,
    { on, startsOn },
  );

export const completionBeforeLastInvestment = (on: string, lastInvestmentOn: string) =>
  new DomainError(
    ProjectErrorCode.COMPLETION_BEFORE_LAST_INVESTMENT,
    `completion on ${on} precedes the last investment on ${lastInvestmentOn}`,
    { on, lastInvestmentOn },
  );

export const projectError = (
  code: keyof typeof ProjectErrorCode,
  message: string,
  details: Record<string, unknown> = {},
) => new DomainError(ProjectErrorCode[code], message, details);
