import { approvalDueOn, approvalLatestOn, probationEndsOn } from './development-rules';
import { ApproveAdmission, HoldApprovalConversation } from './member.commands';
import { MemberEvent } from './member.events';
import { alreadyRecorded, beginStep, memberRef, requireText } from './member.guards';
import { Member, MemberState } from './member.state';
import { requireAuthority } from './approval-authority.guards';
import { membershipError } from './membership.errors';

function requirePassedVote(m: Member): { on: string } {
  if (!m.vote) {
    throw membershipError('BRANCH_VOTE_REQUIRED', 'admission is approved after the branch vote', {
      failedVotes: m.failedVotes?.length ?? 0,
    });
  }
  return m.vote;
}

/** 细则 art. 30: before approving, the committee talks with the candidate (谈话). */
export function holdApprovalConversation(
  command: HoldApprovalConversation,
  state: MemberState,
): MemberEvent[] {
  const m = beginStep(state, 'approval_conversation', command);
  requirePassedVote(m);
  if (m.approvalConversationOn) alreadyRecorded('approval_conversation');
  const { on, by } = command.data;
  requireText('by', by);
  return [{ type: 'ApprovalConversationHeld', data: { ...memberRef(m), on, by } }];
}

/**
 * 细则 art. 30: the Party committee with authority over the branch approves within 3 months of
 * the vote; up to 6 months with the reason recorded; later is refused.
 */
export function approveAdmission(command: ApproveAdmission, state: MemberState): MemberEvent[] {
  const m = beginStep(state, 'approve_admission', command);
  const vote = requirePassedVote(m);
  if (!m.approvalConversationOn) {
    throw membershipError(
      'APPROVAL_CONVERSATION_REQUIRED',
      'the committee talks with the candidate (谈话) before approving',
    );
  }
  const { on, by, delayReason } = command.data;
  requireAuthority('approve_admission', command.data, m.organizationId);
  const dueOn = approvalDueOn(vote.on);
  const latestOn = approvalLatestOn(vote.on);
  if (on > latestOn) {
    throw membershipError(
      'APPROVAL_TOO_LATE',
      `approval is due within 6 months of the vote (${vote.on}), so by ${latestOn}`,
      { voteOn: vote.on, latestOn, on },
    );
  }
  if (on > dueOn && (delayReason === undefined || delayReason.trim() === '')) {
    throw membershipError(
      'APPROVAL_DELAY_REASON_REQUIRED',
      `approval later than 3 months after the vote (due ${dueOn}) needs the reason recorded`,
      { voteOn: vote.on, dueOn, on, field: 'delayReason' },
    );
  }
  return [
    {
      type: 'AdmissionApproved',
      data: {
        ...memberRef(m),
        on,
        by,
        ...(delayReason !== undefined && { delayReason }),
        probationStartsOn: vote.on,
        probationEndsOn: probationEndsOn(vote.on),
        dueOn,
        late: on > dueOn,
      },
    },
  ];
}
