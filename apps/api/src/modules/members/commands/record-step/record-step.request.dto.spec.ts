import { ArgumentMetadata } from '@nestjs/common';
import { InvalidInputError } from '../../../../http/validation/invalid-input.error';
import { strictValidationPipe } from '../../../../http/validation/strict-validation.pipe';
import { RecordStepRequestDto } from './record-step.request.dto';

const pipe = strictValidationPipe();
const meta: ArgumentMetadata = { type: 'body', metatype: RecordStepRequestDto };

/** The invalid fields of a step body, sorted; [] when it passes. */
async function invalidFields(body: Record<string, unknown>): Promise<string[]> {
  try {
    await pipe.transform(body, meta);
    return [];
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return [...new Set(error.errors.map((e) => e.field))].sort();
  }
}

describe('RecordStepRequestDto: each step takes its own fields', () => {
  it.each([
    [{ step: 'interview' }],
    [{ step: 'interview', on: '2025-01-02', by: '王书记' }],
    [{ step: 'designate_activist', method: 'member_recommendation', resolutionRef: 'R-1' }],
    [{ step: 'assign_contacts', contacts: ['张强'] }],
    [{ step: 'review_activist', result: 'unsatisfactory', note: '需加强学习' }],
    [{ step: 'designate_target', resolutionRef: 'R-2' }],
    [{ step: 'assign_sponsors', sponsors: ['张强', '陈静'] }],
    [{ step: 'political_review', passed: false }],
    [{ step: 'training', days: 3, organizer: '县委党校' }],
    [{ step: 'training', hours: 12.5, organizer: '镇党委' }],
    [{ step: 'pre_review' }],
    [{ step: 'public_notice', from: '2025-03-03', to: '2025-03-07' }],
    [{ step: 'branch_vote', eligibleVoters: 9, present: 7, yesVotes: 5 }],
    [
      {
        step: 'branch_vote',
        eligibleVoters: 9,
        present: 9,
        yesVotes: 5,
        noVotes: 3,
        abstentions: 1,
      },
    ],
    [{ step: 'approval_conversation', by: '镇党委组织委员 刘明' }],
    [{ step: 'approve_admission', by: 'town-T01' }],
    [{ step: 'approve_admission', by: 'town-T01', delayReason: '党委换届' }],
    [{ step: 'record_filing', of: 'activist', by: 'town-T01' }],
    [{ step: 'record_filing', of: 'development_target', by: 'town-T01' }],
    [{ step: 'apply_full_membership', on: '2026-03-01' }],
    [{ step: 'full_membership_vote', eligibleVoters: 9, present: 8, yesVotes: 4, noVotes: 4 }],
    [{ step: 'approve_full_membership', by: 'town-T01' }],
    [{ step: 'approve_probation_extension', by: 'town-T01' }],
    [{ step: 'oath' }],
    [{ step: 'grant_full_membership', voteOn: '2026-03-01' }],
    [{ step: 'extend_probation', months: 6 }],
    [{ step: 'cancel_probation', reason: '不履行党员义务' }],
    [{ step: 'withdraw', reason: '本人申请' }],
    [{ step: 'transfer', toOrganizationId: 'v-02' }],
  ])('accepts %j', async (body) => {
    expect(await invalidFields(body)).toEqual([]);
  });

  it.each([
    [{ step: 'designate_activist' }, ['method', 'resolutionRef']],
    [
      { step: 'designate_activist', method: 'lottery', resolutionRef: '' },
      ['method', 'resolutionRef'],
    ],
    [{ step: 'assign_contacts', contacts: [] }, ['contacts']],
    [{ step: 'assign_contacts', contacts: ['a', 'b', 'c'] }, ['contacts']],
    [{ step: 'review_activist' }, ['result']],
    [{ step: 'assign_sponsors', sponsors: ['张强'] }, ['sponsors']],
    [{ step: 'political_review', passed: 'yes' }, ['passed']],
    [{ step: 'training' }, ['days', 'organizer']],
    [{ step: 'training', days: -1, organizer: '县委党校' }, ['days']],
    [{ step: 'training', days: 3 }, ['organizer']],
    [{ step: 'branch_vote', eligibleVoters: 9, yesVotes: 5 }, ['present']],
    [{ step: 'full_membership_vote', eligibleVoters: 9, present: -1, yesVotes: 5 }, ['present']],
    [{ step: 'approval_conversation' }, ['by']],
    [{ step: 'approve_admission' }, ['by']],
    [{ step: 'approve_full_membership' }, ['by']],
    [{ step: 'approve_probation_extension', delayReason: 'x', by: 'town-T01' }, ['delayReason']],
    [{ step: 'record_filing', by: 'town-T01' }, ['of']],
    [{ step: 'record_filing', of: 'applicant', by: 'town-T01' }, ['of']],
    [{ step: 'apply_full_membership', by: 'town-T01' }, ['by']],
    [
      { step: 'approve_admission', by: 'town-T01', authorizedCommitteeId: 'town-T01' },
      ['authorizedCommitteeId'],
    ],
    [{ step: 'public_notice', from: '2024-09-30', to: '2024-10-04', calendar: {} }, ['calendar']],
    [{ step: 'public_notice', on: '2025-03-03' }, ['from', 'on', 'to']],
    [{ step: 'branch_vote', eligibleVoters: 9.5 }, ['eligibleVoters', 'present', 'yesVotes']],
    [{ step: 'branch_vote', eligibleVoters: 9, present: 7, yesVotes: '5' }, ['yesVotes']],
    [{ step: 'extend_probation' }, ['months']],
    [{ step: 'withdraw' }, ['reason']],
    [{ step: 'transfer', toOrganizationId: '../x' }, ['toOrganizationId']],
    [{ step: 'oath', on: '2025-02-30' }, ['on']],
    [{ step: 'oath', months: 6, reason: 'x' }, ['months', 'reason']],
    [{ step: 'interview', eligibleVoters: 9, unknown: 1 }, ['eligibleVoters', 'unknown']],
    [{ step: 'promote' }, ['step']],
    [{}, ['step']],
  ])('refuses %j, listing %j', async (body, fields) => {
    expect(await invalidFields(body)).toEqual(fields);
  });

  it('says why a field is refused', async () => {
    await expect(pipe.transform({ step: 'oath', contacts: ['a'] }, meta)).rejects.toMatchObject({
      errors: [
        {
          field: 'contacts',
          message: 'contacts does not apply to step oath (only to assign_contacts)',
        },
      ],
    });
    await expect(pipe.transform({ step: 'transfer' }, meta)).rejects.toMatchObject({
      errors: expect.arrayContaining([
        { field: 'toOrganizationId', message: 'toOrganizationId is required for step transfer' },
      ]),
    });
  });
});
