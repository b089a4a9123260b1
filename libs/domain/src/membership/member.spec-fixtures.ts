/**
 * A realistic development record used by the membership specs: applied 2023-03-01, full member
 * from 2025-06-17. `path[i]` is the event that `commands[i]` produces after `path[0..i-1]`.
 */
import { MemberCommand } from './member.commands';
import { MemberEvent, MemberRef } from './member.events';

export const TODAY = '2025-08-01';

export function context(today = TODAY) {
  return { now: `${today}T02:00:00Z`, today, actor: { id: 'clerk-01', role: 'operator' } };
}

/** A command for member m-001 (memberId filled in). */
export function cmd<T extends MemberCommand['type']>(
  type: T,
  data: Omit<Extract<MemberCommand, { type: T }>['data'], 'memberId'>,
  today = TODAY,
): MemberCommand {
  return {
    type,
    data: { memberId: 'm-001', ...data },
    context: context(today),
  } as unknown as MemberCommand;
}

export const ref: MemberRef = { memberId: 'm-001', organizationId: 'br-01' };

export const person = {
  name: '陈晓',
  gender: 'female',
  birthDate: '1998-07-15',
  education: 'bachelor',
  idNumberCipher: 'enc:v1:9f8e7d6c5b4a',
  phoneCipher: 'enc:v1:0a1b2c3d',
  occupation: 'village clerk',
};

export const steps: [MemberCommand, MemberEvent][] = [
  [
    cmd('ApplyForMembership', { organizationId: 'br-01', appliedOn: '2023-03-01', person }),
    {
      type: 'MembershipApplied',
      data: {
        ...ref,
        appliedOn: '2023-03-01',
        person,
        dualCultivation: false,
        interviewDueOn: '2023-04-01',
      },
    },
  ],
  [
    cmd('InterviewApplicant', { on: '2023-03-20', by: '支部书记' }),
    {
      type: 'ApplicantInterviewed',
      data: { ...ref, on: '2023-03-20', by: '支部书记', dueOn: '2023-04-01', late: false },
    },
  ],
  [
    cmd('DesignateActivist', {
      on: '2023-04-10',
      method: 'member_recommendation',
      resolutionRef: '支委会〔2023〕4号',
    }),
    {
      type: 'ActivistDesignated',
      data: {
        ...ref,
        on: '2023-04-10',
        method: 'member_recommendation',
        resolutionRef: '支委会〔2023〕4号',
        nextReviewDueOn: '2023-10-10',
      },
    },
  ],
  [
    cmd('AssignCultivationContacts', { on: '2023-04-10', contacts: ['张建国', '李红'] }),
    {
      type: 'CultivationContactsAssigned',
      data: { ...ref, on: '2023-04-10', contacts: ['张建国', '李红'] },
    },
  ],
  [
    cmd('ReviewActivist', { on: '2023-10-09', result: 'satisfactory' }),
    {
      type: 'ActivistReviewed',
      data: {
        ...ref,
        on: '2023-10-09',
        result: 'satisfactory',
        nextReviewDueOn: '2024-04-09',
        dueOn: '2023-10-10',
        late: false,
      },
    },
  ],
  [
    cmd('ReviewActivist', { on: '2024-04-08', result: 'satisfactory', note: '表现良好' }),
    {
      type: 'ActivistReviewed',
      data: {
        ...ref,
        on: '2024-04-08',
        result: 'satisfactory',
        note: '表现良好',
        nextReviewDueOn: '2024-10-08',
        dueOn: '2024-04-09',
        late: false,
      },
    },
  ],
  [
    cmd('DesignateDevelopmentTarget', { on: '2024-05-06', resolutionRef: '支委会〔2024〕5号' }),
    {
      type: 'DevelopmentTargetDesignated',
      data: {
        ...ref,
        on: '2024-05-06',
        resolutionRef: '支委会〔2024〕5号',
        activistSince: '2023-04-10',
      },
    },
  ],
  [
    cmd('AssignSponsors', { on: '2024-05-06', sponsors: ['王立新', '赵敏'] }),
    { type: 'SponsorsAssigned', data: { ...ref, on: '2024-05-06', sponsors: ['王立新', '赵敏'] } },
  ],
  [
    cmd('RecordPoliticalReview', { on: '2024-05-20', passed: true }),
    { type: 'PoliticalReviewCompleted', data: { ...ref, on: '2024-05-20', passed: true } },
  ],
  [
    cmd('RecordTraining', { on: '2024-05-27', days: 3 }),
    { type: 'TrainingCompleted', data: { ...ref, on: '2024-05-27', days: 3, totalHours: 24 } },
  ],
  [
    cmd('PreReviewDevelopmentTarget', { on: '2024-06-03', by: '镇党委' }),
    {
      type: 'PreReviewCompleted',
      data: { ...ref, on: '2024-06-03', by: '镇党委', voteDueOn: '2024-07-03' },
    },
  ],
  [
    cmd('PostPublicNotice', { from: '2024-06-04', to: '2024-06-11' }),
    {
      type: 'PublicNoticePosted',
      data: { ...ref, from: '2024-06-04', to: '2024-06-11', workingDays: 6 },
    },
  ],
  [
    cmd('HoldBranchVote', {
      on: '2024-06-17',
      eligibleVoters: 25,
      yesVotes: 20,
      noVotes: 3,
      abstentions: 1,
    }),
    {
      type: 'BranchVoteHeld',
      data: {
        ...ref,
        on: '2024-06-17',
        eligibleVoters: 25,
        yesVotes: 20,
        noVotes: 3,
        abstentions: 1,
        passed: true,
        probationEndsOn: '2025-06-17',
        approvalDueOn: '2024-09-17',
        dueOn: '2024-07-03',
        late: false,
      },
    },
  ],
  [
    cmd('ApproveAdmission', { on: '2024-07-15', by: '镇党委' }),
    {
      type: 'AdmissionApproved',
      data: {
        ...ref,
        on: '2024-07-15',
        by: '镇党委',
        probationStartsOn: '2024-06-17',
        probationEndsOn: '2025-06-17',
        dueOn: '2024-09-17',
        late: false,
      },
    },
  ],
  [
    cmd('TakeOath', { on: '2024-07-20' }),
    { type: 'OathTaken', data: { ...ref, on: '2024-07-20' } },
  ],
  [
    cmd('GrantFullMembership', { on: '2025-07-08', voteOn: '2025-06-20' }),
    {
      type: 'FullMembershipGranted',
      data: { ...ref, on: '2025-07-08', voteOn: '2025-06-20', fullMemberSince: '2025-06-17' },
    },
  ],
];

export const path: MemberEvent[] = steps.map(([, event]) => event);

/** The record up to (excluding) the event of the given type (its first occurrence). */
export function before(type: MemberEvent['type']): MemberEvent[] {
  return path.slice(
    0,
    path.findIndex((e) => e.type === type),
  );
}

/** The record up to and including the event of the given type (its last occurrence). */
export function through(type: MemberEvent['type']): MemberEvent[] {
  return path.slice(0, path.map((e) => e.type).lastIndexOf(type) + 1);
}

/** The record without the events of the given types. */
export function without(events: MemberEvent[], ...types: MemberEvent['type'][]): MemberEvent[] {
  return events.filter((e) => !types.includes(e.type));
}
