import { DomainError, NotFoundError } from '../shared/domain-error';
import { Sector } from './organization.vocabulary';

export const OrganizationErrorCode = {
  /** NotFoundError('organization', id).code */
  ORGANIZATION_NOT_FOUND: 'ORGANIZATION_NOT_FOUND',
  ORGANIZATION_ALREADY_REGISTERED: 'ORGANIZATION_ALREADY_REGISTERED',
  ORGANIZATION_INACTIVE: 'ORGANIZATION_INACTIVE',
  DEPARTMENT_KIND_REQUIRED: 'DEPARTMENT_KIND_REQUIRED',
  DEPARTMENT_KIND_NOT_APPLICABLE: 'DEPARTMENT_KIND_NOT_APPLICABLE',
  INVALID_PARENT: 'INVALID_PARENT',
  LEVEL_NOT_APPLICABLE: 'LEVEL_NOT_APPLICABLE',
  PARENT_TOWNSHIP_MISMATCH: 'PARENT_TOWNSHIP_MISMATCH',
  SECTOR_NOT_APPLICABLE: 'SECTOR_NOT_APPLICABLE',
  MEMBER_COUNT_INCONSISTENT: 'MEMBER_COUNT_INCONSISTENT',
  PAIRING_ALREADY_ACTIVE: 'PAIRING_ALREADY_ACTIVE',
  PAIRING_LINK_CONFLICT: 'PAIRING_LINK_CONFLICT',
  PAIRING_NOT_LINKED: 'PAIRING_NOT_LINKED',
  NO_FIRST_SECRETARY: 'NO_FIRST_SECRETARY',
  FIRST_SECRETARY_MISMATCH: 'FIRST_SECRETARY_MISMATCH',
  ASSIGNMENT_ENDED: 'ASSIGNMENT_ENDED',
  ASSIGNMENT_ID_CONFLICT: 'ASSIGNMENT_ID_CONFLICT',
  /** NotFoundError('work_team' | 'instructor', id).code */
  WORK_TEAM_NOT_FOUND: 'WORK_TEAM_NOT_FOUND',
  INSTRUCTOR_NOT_FOUND: 'INSTRUCTOR_NOT_FOUND',
  END_BEFORE_START: 'END_BEFORE_START',
} as const;

export const organizationNotFound = (id: string) => new NotFoundError('organization', id);

export const organizationAlreadyRegistered = (id: string) =>
  new DomainError(
    OrganizationErrorCode.ORGANIZATION_ALREADY_REGISTERED,
    `organization ${id} is already registered`,
    { organizationId: id },
  );

export const organizationInactive = (id: string) =>
  new DomainError(OrganizationErrorCode.ORGANIZATION_INACTIVE, `organization ${id} is not active`, {
    organizationId: id,
  });

export const departmentKindRequired = () =>
  new DomainError(
    OrganizationErrorCode.DEPARTMENT_KIND_REQUIRED,
    'an organ (机关) must name its department kind',
    { field: 'departmentKind' },
  );

export const departmentKindNotApplicable = (sector: Sector) =>
  new DomainError(
    OrganizationErrorCode.DEPARTMENT_KIND_NOT_APPLICABLE,
    `only organs and institutions have a department kind, not ${sector}`,
    { field: 'departmentKind', sector },
  );

export const invalidParent = (id: string) =>
  new DomainError(
    OrganizationErrorCode.INVALID_PARENT,
    `organization ${id} cannot be its own parent`,
    {
      organizationId: id,
      field: 'parentId',
    },
  );

export const sectorNotApplicable = (
  id: string,
  sector: Sector,
  command: string,
  allowed: readonly Sector[],
) =>
  new DomainError(
    OrganizationErrorCode.SECTOR_NOT_APPLICABLE,
    `${command} applies to ${allowed.join('/')} organizations, not ${sector}`,
    { organizationId: id, sector, command, allowed },
  );

export const memberCountInconsistent = (count: number, ruralCount: number) =>
  new DomainError(
    OrganizationErrorCode.MEMBER_COUNT_INCONSISTENT,
    `ruralCount ${ruralCount} exceeds count ${count}`,
    { count, ruralCount },
  );

export const pairingAlreadyActive = (ruralId: string, urbanId: string, existingPairingId: string) =>
  new DomainError(
    OrganizationErrorCode.PAIRING_ALREADY_ACTIVE,
    `organizations ${urbanId} and ${ruralId} already have the active pairing ${existingPairingId}`,
    { urbanOrganizationId: urbanId, ruralOrganizationId: ruralId, existingPairingId },
  );

export const pairingLinkConflict = (ruralId: string, pairingId: string) =>
  new DomainError(
    OrganizationErrorCode.PAIRING_LINK_CONFLICT,
    `pairing ${pairingId} is already linked to ${ruralId} with different terms`,
    { organizationId: ruralId, pairingId },
  );

export const pairingNotLinked = (ruralId: string, pairingId: string) =>
  new DomainError(
    OrganizationErrorCode.PAIRING_NOT_LINKED,
    `pairing ${pairingId} is not linked to ${ruralId}`,
    {
      organizationId: ruralId,
      pairingId,
    },
  );

export const organizationError = (
  code: keyof typeof OrganizationErrorCode,
  message: string,
  details: Record<string, unknown> = {},
) => new DomainError(OrganizationErrorCode[code], message, details);
