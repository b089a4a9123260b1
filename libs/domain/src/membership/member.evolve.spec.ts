import { fold } from '../shared/decider';
import { memberDecider } from './member.decider';
import { Member } from './member.state';
import { before, path, through } from './member.spec-fixtures';

/** A state as saved before the lists of the 2014 procedure existed (e.g. a read model's copy). */
function savedBeforeTheLists(state: ReturnType<typeof memberDecider.initialState>): Member {
  const { activistReviews, filings, failedVotes, ...rest } = state as Member;
  void activistReviews;
  void filings;
  void failedVotes;
  return rest as Member;
}

describe('member evolve: states saved before the 2014 procedure lists fold on', () => {
  it('adds a review, a filing and a failed vote to a state without the lists', () => {
    const review = path[before('ActivistReviewed').length];
    const reviewed = memberDecider.evolve(
      savedBeforeTheLists(fold(memberDecider, before('ActivistReviewed'))),
      review,
    ) as Member;
    expect(reviewed.activistReviews).toEqual([{ on: '2023-10-09', result: 'satisfactory' }]);

    const filing = path[before('FilingRecorded').length];
    const filed = memberDecider.evolve(
      savedBeforeTheLists(fold(memberDecider, before('FilingRecorded'))),
      filing,
    ) as Member;
    expect(filed.filings).toEqual([{ of: 'activist', on: '2023-04-17', by: 'town-T01' }]);

    const noticed = savedBeforeTheLists(fold(memberDecider, through('PublicNoticePosted')));
    const afterFailure = memberDecider.evolve(noticed, {
      type: 'BranchVoteFailed',
      data: {
        memberId: 'm-001',
        organizationId: 'br-01',
        on: '2024-06-17',
        eligibleVoters: 25,
        present: 22,
        yesVotes: 12,
        noVotes: 10,
        abstentions: 0,
        passed: false,
        dueOn: '2024-07-03',
        late: false,
      },
    }) as Member;
    expect(afterFailure).toMatchObject({
      stage: 'development_target',
      failedVotes: [{ on: '2024-06-17' }],
    });
  });
});
