import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';
import {
  Member,
  MemberEvent,
  MemberState,
  MEMBER_EVENT_STEPS,
  memberDecider,
  obligations,
  VOTE_PASSED,
} from '@gongjian/domain';
import type {
  DocumentRef,
  ProjectionContext,
  ReadModelProjection,
} from '../../projection.definition';
import { skippingApplied } from '../shared/position-guard';

export const MEMBERS = 'members';
/** Township of every organization, copied onto the members it is responsible for. */
export const MEMBER_ORGANIZATIONS = 'member_organizations';

/** `nextDueOn` of a member with nothing due: sorts after every date, so it is never overdue. */
export const NOTHING_DUE = '9999-12-31';

const STREAM_PREFIX = 'member-';
const TYPES: ReadonlySet<string> = new Set(Object.keys(MEMBER_EVENT_STEPS));

/** A history entry of the read shape: a vote (branch or 转正) also says whether it passed. */
export type MemberHistoryEntry = Member['history'][number] & { passed?: boolean };

/**
 * One document per member: the Member read shape with personal data as recorded (identity
 * numbers and phones stay encrypted; queries decrypt or mask them by role), the obligations due
 * with their dates (whether one is overdue depends on today, so queries derive it), and
 * `nextDueOn`, the earliest due date, for the `overdue` filter. The history's vote entries carry
 * the result recorded (`passed`), in `history` and in the state kept beside it.
 * Version 2: vote entries of the history with `passed`.
 */
export const membersProjection: ReadModelProjection = {
  name: 'members',
  version: 2,
  collections: {
    [MEMBERS]: [
      {
        fields: [
          ['organizationId', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['partnerOrganizationId', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['stage', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['township', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['nextDueOn', 1],
          ['_id', 1],
        ],
      },
    ],
    [MEMBER_ORGANIZATIONS]: [],
  },
  touches(event) {
    if (event.type === 'OrganizationRegistered') {
      return [{ collection: MEMBER_ORGANIZATIONS, id: organizationIdOf(event) }];
    }
    return event.streamId.startsWith(STREAM_PREFIX) && TYPES.has(event.type)
      ? [{ collection: MEMBERS, id: event.streamId.slice(STREAM_PREFIX.length) }]
      : [];
  },
  reads: (event): DocumentRef[] =>
    event.type === 'MembershipApplied' || event.type === 'MemberTransferred'
      ? [{ collection: MEMBER_ORGANIZATIONS, id: organizationIdOf(event) }]
      : [],
  apply: skippingApplied((current, event, ref, context) => {
    if (ref.collection === MEMBER_ORGANIZATIONS) {
      const { township } = event.data as { township: string };
      return { _id: ref.id, _pos: event.position, township };
    }
    const before = (current?.state as MemberState | undefined) ?? { stage: 'none' };
    const state = memberDecider.evolve(before, {
      type: event.type,
      data: event.data,
    } as MemberEvent);
    if (state.stage === 'none') return null;
    return memberDocument(withVoteResult(state, event), event, township(current, event, context));
  }),
};

/** The history entry a vote event just made, with the result the event records. */
function withVoteResult(m: Member, event: RecordedEvent): Member {
  const passed = VOTE_PASSED[event.type];
  const last = m.history[m.history.length - 1];
  if (passed === undefined || last?.step !== MEMBER_EVENT_STEPS[event.type as MemberEvent['type']])
    return m;
  const entry: MemberHistoryEntry = { ...last, passed };
  return { ...m, history: [...m.history.slice(0, -1), entry] };
}

const organizationIdOf = (event: RecordedEvent) =>
  (event.data as { organizationId: string }).organizationId;

function township(
  current: ReadDocument | undefined,
  event: RecordedEvent,
  context: ProjectionContext,
): string | undefined {
  if (event.type !== 'MembershipApplied' && event.type !== 'MemberTransferred') {
    return current?.township as string | undefined;
  }
  const organization = context.get({
    collection: MEMBER_ORGANIZATIONS,
    id: organizationIdOf(event),
  });
  return organization?.township as string | undefined;
}

function memberDocument(
  m: Member,
  event: RecordedEvent,
  township: string | undefined,
): ReadDocument {
  const due = obligations(m);
  const nextDueOn = due.map((o) => o.dueOn).sort()[0] ?? NOTHING_DUE;
  return {
    _id: m.memberId,
    _pos: event.position,
    revision: event.revision,
    id: m.memberId,
    organizationId: m.organizationId,
    ...(m.partnerOrganizationId !== undefined && {
      partnerOrganizationId: m.partnerOrganizationId,
    }),
    ...(township !== undefined && { township }),
    stage: m.stage,
    appliedOn: m.appliedOn,
    history: m.history,
    obligations: due,
    nextDueOn,
    state: m,
  };
}
