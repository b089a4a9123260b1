import { isBusinessDate } from '../shared/business-date';
import { CommandContext } from '../shared/decider';
import { NotFoundError } from '../shared/domain-error';
import { STEPS_BY_STAGE } from './development-rules';
import { MemberRef } from './member.events';
import { Member, MemberState } from './member.state';
import { MemberStep } from './member.steps';
import { membershipError } from './membership.errors';

export function memberRef(m: Member): MemberRef {
  return {
    memberId: m.memberId,
    organizationId: m.organizationId,
    ...(m.partnerOrganizationId !== undefined && {
      partnerOrganizationId: m.partnerOrganizationId,
    }),
  };
}

export function requireMember(state: MemberState, memberId: string): Member {
  if (state.stage === 'none') throw new NotFoundError('member', memberId);
  return state;
}

export function notAllowed(m: Member, step: MemberStep, why?: string): never {
  throw membershipError(
    'STEP_NOT_ALLOWED_IN_STAGE',
    why ?? `step ${step} is not allowed for a member at stage ${m.stage}`,
    { step, stage: m.stage, allowedSteps: STEPS_BY_STAGE[m.stage] },
  );
}

export function alreadyRecorded(step: MemberStep): never {
  throw membershipError('STEP_ALREADY_RECORDED', `step ${step} was already recorded`, { step });
}

export function requireDate(field: string, value: string | undefined): string {
  if (typeof value !== 'string' || !isBusinessDate(value)) {
    throw membershipError('INVALID_DATE', `${field} must be a date YYYY-MM-DD`, { field, value });
  }
  return value;
}

/** A step date: valid, not after today, not before the previous step. */
export function requireStepDate(m: Member, field: string, on: string, today: string): void {
  requireDate(field, on);
  if (on > today || on < m.lastStepOn) {
    throw membershipError(
      'STEP_DATE_INVALID',
      on > today
        ? `${field} ${on} is after today ${today}`
        : `${field} ${on} is before the previous step (${m.lastStepOn})`,
      { field, on, today, previousStepOn: m.lastStepOn },
    );
  }
}

export function requireText(field: string, value: string | undefined): void {
  if (typeof value !== 'string' || value.trim() === '') {
    throw membershipError('REQUIRED_FIELD_MISSING', `${field} is required`, { field });
  }
}

/** The common start of every dated step: the member exists, the stage admits it, the date fits. */
export function beginStep(
  state: MemberState,
  step: MemberStep,
  command: { data: { memberId: string; on: string }; context: CommandContext },
): Member {
  const m = requireMember(state, command.data.memberId);
  if (!STEPS_BY_STAGE[m.stage].includes(step)) notAllowed(m, step);
  requireStepDate(m, 'on', command.data.on, command.context.today);
  return m;
}

/** 1..n distinct non-empty names. */
export function distinctNames(names: unknown): names is string[] {
  return (
    Array.isArray(names) &&
    names.every((n) => typeof n === 'string' && n.trim() !== '') &&
    new Set(names.map((n: string) => n.trim())).size === names.length
  );
}
