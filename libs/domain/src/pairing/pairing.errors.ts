import { DomainError, NotFoundError } from '../shared/domain-error';
import { Sector, VillageCategory } from '../organization/organization.vocabulary';
import { PairingStatus } from './pairing.vocabulary';

export const PairingErrorCode = {
  /** NotFoundError('pairing', id).code */
  PAIRING_NOT_FOUND: 'PAIRING_NOT_FOUND',
  PAIRING_ALREADY_EXISTS: 'PAIRING_ALREADY_EXISTS',
  PAIRING_NOT_ACTIVE: 'PAIRING_NOT_ACTIVE',
  NOT_AN_URBAN_ORGANIZATION: 'NOT_AN_URBAN_ORGANIZATION',
  NOT_A_RURAL_ORGANIZATION: 'NOT_A_RURAL_ORGANIZATION',
  PRINCIPLE_MISMATCH: 'PRINCIPLE_MISMATCH',
  ACTIVITY_OUTSIDE_TERM: 'ACTIVITY_OUTSIDE_TERM',
  ACTIVITY_IN_FUTURE: 'ACTIVITY_IN_FUTURE',
  ACTIVITY_ALREADY_LOGGED: 'ACTIVITY_ALREADY_LOGGED',
  TRAINEES_ONLY_FOR_TRAINING: 'TRAINEES_ONLY_FOR_TRAINING',
  TRAINEES_EXCEED_PARTICIPANTS: 'TRAINEES_EXCEED_PARTICIPANTS',
  DISSOLUTION_BEFORE_LAST_ACTIVITY: 'DISSOLUTION_BEFORE_LAST_ACTIVITY',
  DISSOLUTION_BEFORE_START: 'DISSOLUTION_BEFORE_START',
  RENEWAL_END_NOT_LATER: 'RENEWAL_END_NOT_LATER',
} as const;

export const pairingNotFound = (id: string) => new NotFoundError('pairing', id);

export const pairingAlreadyExists = (id: string) =>
  new DomainError(PairingErrorCode.PAIRING_ALREADY_EXISTS, `pairing ${id} already exists`, {
    pairingId: id,
  });

export const pairingNotActive = (id: string, status: PairingStatus) =>
  new DomainError(PairingErrorCode.PAIRING_NOT_ACTIVE, `pairing ${id} is ${status}`, {
    pairingId: id,
    status,
  });

export const notAnUrbanOrganization = (id: string, sector: Sector) =>
  new DomainError(
    PairingErrorCode.NOT_AN_URBAN_ORGANIZATION,
    `organization ${id} (${sector}) cannot take the urban side of a pairing`,
    { organizationId: id, sector },
  );

export const notARuralOrganization = (id: string, sector: Sector) =>
  new DomainError(
    PairingErrorCode.NOT_A_RURAL_ORGANIZATION,
    `organization ${id} (${sector}) is not a village or community`,
    { organizationId: id, sector },
  );

export const principleMismatch = (
  urbanId: string,
  ruralId: string,
  requiredCategory: VillageCategory,
  ruralCategories: readonly VillageCategory[],
) =>
  new DomainError(
    PairingErrorCode.PRINCIPLE_MISMATCH,
    `the matching principle pairs ${urbanId} with a ${requiredCategory} village; ${ruralId} is not one (give principleOverrideReason to override)`,
    {
      urbanOrganizationId: urbanId,
      ruralOrganizationId: ruralId,
      requiredCategory,
      ruralCategories,
    },
  );

export const activityOutsideTerm = (date: string, startsOn: string, endsOn: string) =>
  new DomainError(
    PairingErrorCode.ACTIVITY_OUTSIDE_TERM,
    `activity date ${date} is outside the pairing term ${startsOn}..${endsOn}`,
    { date, startsOn, endsOn },
  );

export const activityInFuture = (date: string, today: string) =>
  new DomainError(
    PairingErrorCode.ACTIVITY_IN_FUTURE,
    `activity date ${date} is after today ${today}`,
    {
      date,
      today,
    },
  );

export const activityAlreadyLogged = (activityId: string) =>
  new DomainError(
    PairingErrorCode.ACTIVITY_ALREADY_LOGGED,
    `activity ${activityId} was already logged with different content`,
    { activityId },
  );

export const dissolutionBeforeLastActivity = (on: string, lastActivityOn: string) =>
  new DomainError(
    PairingErrorCode.DISSOLUTION_BEFORE_LAST_ACTIVITY,
    `dissolution date ${on} precedes the last logged activity on ${lastActivityOn}`,
    { on, lastActivityOn },
  );

export const dissolutionBeforeStart = (on: string, startsOn: string) =>
  new DomainError(
    PairingErrorCode.DISSOLUTION_BEFORE_START,
    `dissolution date ${on} precedes the start of the pairing's term on ${startsOn}`,
    { on, startsOn },
  );

export const renewalEndNotLater = (endsOn: string, currentEndsOn: string) =>
  new DomainError(
    PairingErrorCode.RENEWAL_END_NOT_LATER,
    `renewed end ${endsOn} must be after the current end ${currentEndsOn}`,
    { endsOn, currentEndsOn },
  );

export const traineesOnlyForTraining = (type: string) =>
  new DomainError(
    PairingErrorCode.TRAINEES_ONLY_FOR_TRAINING,
    `trainees are recorded for trainings, not for ${type}`,
    { field: 'trainees', type },
  );

export const traineesExceedParticipants = (trainees: number, participants: number) =>
  new DomainError(
    PairingErrorCode.TRAINEES_EXCEED_PARTICIPANTS,
    `${trainees} trainees are more than the ${participants} participants`,
    { field: 'trainees', trainees, participants },
  );
