/**
 * 转正 as a procedure (细则 art. 33–35): the written application, the branch meeting's vote
 * (quorum, counts, a failure recorded), the committee's approval within 3 months. No early full
 * membership: the vote comes no earlier than the end of probation. `grant_full_membership`
 * stays for records entered after the fact.
 */
import { fullMembershipApprovalDueOn, fullMembershipVoteDueOn } from './development-rules';
import {
  ApplyForFullMembership,
  ApproveFullMembership,
  ApproveProbationExtension,
  HoldFullMembershipVote,
} from './member.commands';
import { MemberEvent } from './member.events';
import { alreadyRecorded, beginStep, memberRef } from './member.guards';
import { Member, MemberState } from './member.state';
import { requireAuthority } from './approval-authority.guards';
import { meetingResult } from './meeting-vote.guards';
import { membershipError } from './membership.errors';

export function applyForFullMembership(
  command: ApplyForFullMembership,
  state: MemberState,
): MemberEvent[] {
  const m = beginStep(state, 'apply_full_membership', command);
  if (m.fullMembership) alreadyRecorded('apply_full_membership');
  return [{ type: 'FullMembershipApplied', data: { ...memberRef(m), on: command.data.on } }];
}

function requireExtensionApproved(m: Member): void {
  if (m.probationExtension && !m.probationExtension.approvedOn) {
    throw membershipError(
      'EXTENSION_APPROVAL_REQUIRED',
      'the extension of probation awaits the committee’s approval',
      { extendedOn: m.probationExtension.on },
    );
  }
}

export function holdFullMembershipVote(
  command: HoldFullMembershipVote,
  state: MemberState,
): MemberEvent[] {
  const m = beginStep(state, 'full_membership_vote', command);
  const procedure = m.fullMembership;
  if (!procedure) {
    throw membershipError(
      'FULL_MEMBERSHIP_APPLICATION_REQUIRED',
      'the branch votes on 转正 after the written application',
    );
  }
  if (procedure.voteOn) alreadyRecorded('full_membership_vote');
  if (!m.oathOn) throw membershipError('OATH_REQUIRED', 'the oath comes before full membership');
  const { on } = command.data;
  const endsOn = m.probationEndsOn as string;
  if (on < endsOn) {
    throw membershipError('PROBATION_NOT_COMPLETED', `probation runs until ${endsOn}`, {
      field: 'on',
      on,
      probationEndsOn: endsOn,
    });
  }
  requireExtensionApproved(m);
  const { passed, ...result } = meetingResult(command.data);
  const dueOn = fullMembershipVoteDueOn(endsOn);
  const deadline = { dueOn, late: on > dueOn };
  if (!passed) {
    return [
      {
        type: 'FullMembershipVoteFailed',
        data: { ...memberRef(m), on, ...result, passed, ...deadline },
      },
    ];
  }
  return [
    {
      type: 'FullMembershipVoteHeld',
      data: {
        ...memberRef(m),
        on,
        ...result,
        passed,
        approvalDueOn: fullMembershipApprovalDueOn(on),
        ...deadline,
      },
    },
  ];
}

export function approveFullMembership(
  command: ApproveFullMembership,
  state: MemberState,
): MemberEvent[] {
  const m = beginStep(state, 'approve_full_membership', command);
  const voteOn = m.fullMembership?.voteOn;
  if (voteOn === undefined) {
    throw membershipError(
      'FULL_MEMBERSHIP_VOTE_REQUIRED',
      '转正 is approved after the branch meeting voted for it',
      { failedVotes: m.fullMembership?.failedVotes ?? 0 },
    );
  }
  requireAuthority('approve_full_membership', command.data, m.organizationId);
  const { on, by } = command.data;
  const dueOn = fullMembershipApprovalDueOn(voteOn);
  if (on > dueOn) {
    throw membershipError(
      'APPROVAL_TOO_LATE',
      `the committee approves 转正 within 3 months of the vote (${voteOn}), so by ${dueOn}`,
      { voteOn, latestOn: dueOn, on },
    );
  }
  return [
    {
      type: 'FullMembershipApproved',
      data: {
        ...memberRef(m),
        on,
        by,
        voteOn,
        fullMemberSince: m.probationEndsOn as string,
        dueOn,
        late: false,
      },
    },
  ];
}

export function approveProbationExtension(
  command: ApproveProbationExtension,
  state: MemberState,
): MemberEvent[] {
  const m = beginStep(state, 'approve_probation_extension', command);
  const extension = m.probationExtension;
  if (!extension) {
    throw membershipError('EXTENSION_NOT_DECIDED', 'the branch has not decided an extension');
  }
  if (extension.approvedOn) alreadyRecorded('approve_probation_extension');
  requireAuthority('approve_probation_extension', command.data, m.organizationId);
  const { on, by } = command.data;
  const dueOn = fullMembershipApprovalDueOn(extension.on);
  if (on > dueOn) {
    throw membershipError(
      'APPROVAL_TOO_LATE',
      `the committee approves an extension within 3 months of the branch's decision (${extension.on}), so by ${dueOn}`,
      { decidedOn: extension.on, latestOn: dueOn, on },
    );
  }
  return [
    {
      type: 'ProbationExtensionApproved',
      data: {
        ...memberRef(m),
        on,
        by,
        probationEndsOn: m.probationEndsOn as string,
        dueOn,
        late: false,
      },
    },
  ];
}
