import { meetingHasQuorum, VoteCount, voteCountsValid, voteHasMajority } from './development-rules';
import { MeetingVote } from './member.commands';
import { membershipError } from './membership.errors';

export type MeetingResult = VoteCount & { present: number; passed: boolean };

/**
 * The result of a branch meeting (支部大会) that votes, on admission or on 转正: counts are
 * consistent, the meeting had its quorum (细则 art. 27), and it passed or not. An invalid
 * meeting is refused (it decided nothing); a valid one that did not pass is a result too.
 */
export function meetingResult(vote: MeetingVote): MeetingResult {
  const { eligibleVoters, present, yesVotes } = vote;
  const count: VoteCount = {
    eligibleVoters,
    yesVotes,
    noVotes: vote.noVotes ?? 0,
    abstentions: vote.abstentions ?? 0,
  };
  if (present === undefined) {
    throw membershipError(
      'REQUIRED_FIELD_MISSING',
      'present is required (members at the meeting)',
      {
        field: 'present',
      },
    );
  }
  if (
    !voteCountsValid(count) ||
    !Number.isInteger(present) ||
    present < 0 ||
    present > eligibleVoters
  ) {
    throw membershipError(
      'VOTE_COUNTS_INVALID',
      'present and yes + no + abstentions must lie within the members entitled to vote',
      { ...count, present },
    );
  }
  if (!meetingHasQuorum(eligibleVoters, present)) {
    throw membershipError(
      'BRANCH_MEETING_NO_QUORUM',
      `the meeting is valid only with more than half of the ${eligibleVoters} members entitled to vote present (${present} were)`,
      { eligibleVoters, present },
    );
  }
  return { ...count, present, passed: voteHasMajority(count) };
}
