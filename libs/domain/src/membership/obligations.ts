/**
 * Deadlines of the procedure, kept as data (never refusals): what is due next for a member and,
 * given today, whether it is overdue. The `kind` is the API step that fulfils the obligation.
 */
import {
  activistReviewDueOn,
  approvalDueOn,
  fullMembershipApprovalDueOn,
  fullMembershipVoteDueOn,
  interviewDueOn,
  voteDueOn,
} from './development-rules';
import { Member, MemberState } from './member.state';

export type ObligationKind =
  | 'interview'
  | 'review_activist'
  | 'branch_vote'
  | 'approval_conversation'
  | 'approve_admission'
  | 'apply_full_membership'
  | 'full_membership_vote'
  | 'approve_full_membership'
  | 'approve_probation_extension'
  /** Kept for documents projected before the 转正 procedure; no longer produced. */
  | 'grant_full_membership';

export type Obligation = { kind: ObligationKind; dueOn: string };
export type ObligationStatus = Obligation & { overdue: boolean };

/**
 * interview: 1 month after applying; review_activist: every 6 months as activist;
 * branch_vote: 1 month after the pre-review (still due after a failed vote);
 * approval_conversation and approve_admission: 3 months after the vote;
 * apply_full_membership: at the end of probation; full_membership_vote: 1 month after it;
 * approve_full_membership: 3 months after the branch's vote; approve_probation_extension:
 * 3 months after the branch's decision.
 */
export function obligations(state: MemberState): Obligation[];
export function obligations(state: MemberState, today: string): ObligationStatus[];
export function obligations(state: MemberState, today?: string): Obligation[] | ObligationStatus[] {
  const due: Obligation[] = [];
  switch (state.stage) {
    case 'applicant':
      if (!state.interviewedOn)
        due.push({ kind: 'interview', dueOn: interviewDueOn(state.appliedOn) });
      break;
    case 'activist': {
      const since = state.lastActivistReview?.on ?? (state.activistSince as string);
      due.push({ kind: 'review_activist', dueOn: activistReviewDueOn(since) });
      break;
    }
    case 'development_target':
      if (state.vote) {
        const dueOn = approvalDueOn(state.vote.on);
        if (!state.approvalConversationOn) due.push({ kind: 'approval_conversation', dueOn });
        due.push({ kind: 'approve_admission', dueOn });
      } else if (state.preReviewOn) {
        due.push({ kind: 'branch_vote', dueOn: voteDueOn(state.preReviewOn) });
      }
      break;
    case 'probationary':
      due.push(...probationObligations(state));
      break;
    default:
      break;
  }
  if (today === undefined) return due;
  return due.map((o) => ({ ...o, overdue: today > o.dueOn }));
}

function probationObligations(m: Member): Obligation[] {
  const endsOn = m.probationEndsOn as string;
  const extension = m.probationExtension;
  if (extension && !extension.approvedOn) {
    return [
      { kind: 'approve_probation_extension', dueOn: fullMembershipApprovalDueOn(extension.on) },
    ];
  }
  const procedure = m.fullMembership;
  if (!procedure) return [{ kind: 'apply_full_membership', dueOn: endsOn }];
  if (procedure.voteOn) {
    return [
      { kind: 'approve_full_membership', dueOn: fullMembershipApprovalDueOn(procedure.voteOn) },
    ];
  }
  return [{ kind: 'full_membership_vote', dueOn: fullMembershipVoteDueOn(endsOn) }];
}
