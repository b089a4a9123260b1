/**
 * Member development (stream `member-<memberId>`): the 2014 发展党员工作细则 procedure,
 * applicant → activist → development_target → probationary → full_member (or withdrawn,
 * rejected, cancelled). One command per API step; see development-rules.ts for the limits and
 * obligations.ts for the deadlines kept as data.
 */
import { Decider } from '../shared/decider';
import { assignContacts, designateTarget, reviewActivist } from './activist.decide';
import {
  applyForMembership,
  designateActivist,
  interviewApplicant,
  transfer,
  withdraw,
} from './applicant.decide';
import { approveAdmission, holdApprovalConversation } from './approval.decide';
import { recordFiling } from './filing.decide';
import {
  applyForFullMembership,
  approveFullMembership,
  approveProbationExtension,
  holdFullMembershipVote,
} from './full-membership.decide';
import {
  assignSponsors,
  holdBranchVote,
  postPublicNotice,
  preReview,
  recordPoliticalReview,
  recordTraining,
} from './development-target.decide';
import { MemberCommand } from './member.commands';
import { MemberEvent } from './member.events';
import { evolveMember } from './member.evolve';
import { initialMemberState, MemberState } from './member.state';
import {
  cancelProbation,
  extendProbation,
  grantFullMembership,
  takeOath,
} from './probation.decide';

function decide(command: MemberCommand, state: MemberState): MemberEvent[] {
  switch (command.type) {
    case 'ApplyForMembership':
      return applyForMembership(command, state);
    case 'InterviewApplicant':
      return interviewApplicant(command, state);
    case 'DesignateActivist':
      return designateActivist(command, state);
    case 'AssignCultivationContacts':
      return assignContacts(command, state);
    case 'ReviewActivist':
      return reviewActivist(command, state);
    case 'DesignateDevelopmentTarget':
      return designateTarget(command, state);
    case 'AssignSponsors':
      return assignSponsors(command, state);
    case 'RecordPoliticalReview':
      return recordPoliticalReview(command, state);
    case 'RecordTraining':
      return recordTraining(command, state);
    case 'PreReviewDevelopmentTarget':
      return preReview(command, state);
    case 'PostPublicNotice':
      return postPublicNotice(command, state);
    case 'HoldBranchVote':
      return holdBranchVote(command, state);
    case 'HoldApprovalConversation':
      return holdApprovalConversation(command, state);
    case 'ApproveAdmission':
      return approveAdmission(command, state);
    case 'RecordFiling':
      return recordFiling(command, state);
    case 'TakeOath':
      return takeOath(command, state);
    case 'ApplyForFullMembership':
      return applyForFullMembership(command, state);
    case 'HoldFullMembershipVote':
      return holdFullMembershipVote(command, state);
    case 'ApproveFullMembership':
      return approveFullMembership(command, state);
    case 'ApproveProbationExtension':
      return approveProbationExtension(command, state);
    case 'GrantFullMembership':
      return grantFullMembership(command, state);
    case 'ExtendProbation':
      return extendProbation(command, state);
    case 'CancelProbation':
      return cancelProbation(command, state);
    case 'WithdrawFromDevelopment':
      return withdraw(command, state);
    case 'TransferMember':
      return transfer(command, state);
  }
}

export const memberDecider: Decider<MemberCommand, MemberState, MemberEvent> = {
  decide,
  evolve: evolveMember,
  initialState: initialMemberState,
};
