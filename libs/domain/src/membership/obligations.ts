/**
 * Deadlines of the procedure, kept as data (never refusals): what is due next for a member and,
 * given today, whether it is overdue. The `kind` is the API step that fulfils the obligation.
 */
import { activistReviewDueOn, approvalDueOn, interviewDueOn, voteDueOn } from './development-rules';
import { MemberState } from './member.state';

export type ObligationKind =
  'interview' | 'review_activist' | 'branch_vote' | 'approve_admission' | 'grant_full_membership';

export type Obligation = { kind: ObligationKind; dueOn: string };
export type ObligationStatus = Obligation & { overdue: boolean };

/**
 * interview: 1 month after applying; review_activist: every 6 months as activist;
 * branch_vote: 1 month after the pre-review; approve_admission: 3 months after the vote;
 * grant_full_membership: at the end of probation.
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
        due.push({ kind: 'approve_admission', dueOn: approvalDueOn(state.vote.on) });
      } else if (state.preReviewOn) {
        due.push({ kind: 'branch_vote', dueOn: voteDueOn(state.preReviewOn) });
      }
      break;
    case 'probationary':
      due.push({ kind: 'grant_full_membership', dueOn: state.probationEndsOn as string });
      break;
    default:
      break;
  }
  if (today === undefined) return due;
  return due.map((o) => ({ ...o, overdue: today > o.dueOn }));
}
