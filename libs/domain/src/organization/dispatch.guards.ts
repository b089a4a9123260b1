import { DomainError } from '../shared/domain-error';
import {
  InputErrorCode,
  requireDate,
  requireDateRange,
  requireNotInFuture,
  requireText,
} from './input.guards';
import { organizationError } from './organization.errors';
import { RegisteredOrganization } from './organization.state';

/** The dates and the dispatching organization of an assignment (第一书记, 工作队, 指导员). */
export function requireDispatch(
  organization: RegisteredOrganization,
  data: { fromOrganizationId?: string; startsOn: string; endsOn?: string },
  who: string,
): { fromOrganizationId?: string; startsOn: string; endsOn?: string } {
  const startsOn = requireDate(data.startsOn, 'startsOn');
  if (data.endsOn !== undefined) {
    requireDateRange(startsOn, requireDate(data.endsOn, 'endsOn'), 'startsOn', 'endsOn');
  }
  if (data.fromOrganizationId !== undefined) {
    requireText(data.fromOrganizationId, 'fromOrganizationId');
    if (data.fromOrganizationId === organization.id) {
      throw new DomainError(
        InputErrorCode.INVALID_VALUE,
        `a ${who} is dispatched from another organization`,
        { field: 'fromOrganizationId' },
      );
    }
  }
  return {
    ...(data.fromOrganizationId !== undefined && { fromOrganizationId: data.fromOrganizationId }),
    startsOn,
    ...(data.endsOn !== undefined && { endsOn: data.endsOn }),
  };
}

/** The end of an assignment: from its start up to today, with a reason. */
export function requireEnd(
  assignment: { startsOn: string },
  data: { on: string; reason: string },
  today: string,
): { on: string; reason: string } {
  const on = requireDate(data.on, 'on');
  requireNotInFuture(on, today, 'on');
  if (on < assignment.startsOn) {
    throw organizationError(
      'END_BEFORE_START',
      `an assignment that started on ${assignment.startsOn} cannot end on ${on}`,
      { field: 'on', on, startsOn: assignment.startsOn },
    );
  }
  return { on, reason: requireText(data.reason, 'reason') };
}

/** An assignment requested again with the details it was recorded with (its end aside). */
export function sameAssignment(recorded: object, requested: object): boolean {
  const details = (value: object) =>
    JSON.stringify(
      Object.entries(value)
        .filter(([key]) => !['organizationId', 'endedOn', 'endReason'].includes(key))
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  return details(recorded) === details(requested);
}
