import {
  activistPeriodEndsOn,
  activistReviewDueOn,
  CONTACTS_COUNT,
  activistReviewsRequired,
} from './development-rules';
import {
  AssignCultivationContacts,
  DesignateDevelopmentTarget,
  ReviewActivist,
} from './member.commands';
import { MemberEvent } from './member.events';
import { beginStep, distinctNames, memberRef, requireText } from './member.guards';
import { MemberState } from './member.state';
import { membershipError } from './membership.errors';

export function assignContacts(
  command: AssignCultivationContacts,
  state: MemberState,
): MemberEvent[] {
  const m = beginStep(state, 'assign_contacts', command);
  const { on, contacts } = command.data;
  if (
    !distinctNames(contacts) ||
    contacts.length < CONTACTS_COUNT.min ||
    contacts.length > CONTACTS_COUNT.max
  ) {
    throw membershipError('CONTACTS_COUNT_INVALID', 'an activist has 1 or 2 cultivation contacts', {
      contacts,
    });
  }
  return [{ type: 'CultivationContactsAssigned', data: { ...memberRef(m), on, contacts } }];
}

/** Half-yearly 考察; an unsatisfactory result is recorded and blocks designation as target. */
export function reviewActivist(command: ReviewActivist, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'review_activist', command);
  const { on, result, note } = command.data;
  if (result !== 'satisfactory' && result !== 'unsatisfactory') {
    throw membershipError('INVALID_FIELD_VALUE', `unknown review result ${result}`, {
      field: 'result',
    });
  }
  const dueOn = activistReviewDueOn(m.lastActivistReview?.on ?? (m.activistSince as string));
  return [
    {
      type: 'ActivistReviewed',
      data: {
        ...memberRef(m),
        on,
        result,
        ...(note !== undefined && { note }),
        nextReviewDueOn: activistReviewDueOn(on),
        dueOn,
        late: on > dueOn,
      },
    },
  ];
}

export function designateTarget(
  command: DesignateDevelopmentTarget,
  state: MemberState,
): MemberEvent[] {
  const m = beginStep(state, 'designate_target', command);
  const { on, resolutionRef } = command.data;
  const activistSince = m.activistSince as string;
  const earliest = activistPeriodEndsOn(activistSince);
  if (on < earliest) {
    throw membershipError(
      'ACTIVIST_PERIOD_TOO_SHORT',
      `an activist needs at least one year of cultivation (since ${activistSince}, so from ${earliest})`,
      { activistSince, earliestOn: earliest, on },
    );
  }
  if (m.lastActivistReview?.result === 'unsatisfactory') {
    throw membershipError(
      'ACTIVIST_REVIEW_UNSATISFACTORY',
      'the latest activist review was unsatisfactory',
      { lastReview: m.lastActivistReview },
    );
  }
  const required = activistReviewsRequired(activistSince, on);
  const reviews = (m.activistReviews ?? []).filter(
    (r) => r.on >= activistSince && r.on <= on,
  ).length;
  if (reviews < required) {
    throw membershipError(
      'ACTIVIST_REVIEWS_MISSING',
      `an activist is reviewed every half-year: ${required} reviews since ${activistSince} are needed before designation, ${reviews} recorded`,
      { activistSince, requiredReviews: required, reviews },
    );
  }
  requireText('resolutionRef', resolutionRef);
  return [
    {
      type: 'DevelopmentTargetDesignated',
      data: { ...memberRef(m), on, resolutionRef, activistSince },
    },
  ];
}
