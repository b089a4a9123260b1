/**
 * A realistic development record used by the membership specs: applied 2023-03-01, full member
 * from 2025-06-17 through the 转正 procedure. `path[i]` is the event that `commands[i]` produces
 * after `path[0..i-1]`. The branch br-01 sits under the township committee town-T01.
 */
import { OfficialCalendar } from '../shared/official-calendar';
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

/** The township Party committee over br-01 (乡镇党委), as the handler resolves it. */
export const COMMITTEE = 'town-T01';
export const authority = { authorizedCommitteeId: COMMITTEE };

/** The official calendars of 2024 and 2025 (国务院办公厅 notices, as `chinese-days` has them). */
export const CALENDAR: OfficialCalendar = {
  '2024': {
    holidays: [
      '2024-01-01',
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
      '2024-02-16',
      '2024-02-17',
      '2024-04-04',
      '2024-04-05',
      '2024-04-06',
      '2024-05-01',
      '2024-05-02',
      '2024-05-03',
      '2024-05-04',
      '2024-05-05',
      '2024-06-10',
      '2024-09-15',
      '2024-09-16',
      '2024-09-17',
      '2024-10-01',
      '2024-10-02',
      '2024-10-03',
      '2024-10-04',
      '2024-10-05',
      '2024-10-06',
      '2024-10-07',
    ],
    workdays: [
      '2024-02-04',
      '2024-02-18',
      '2024-04-07',
      '2024-04-28',
      '2024-05-11',
      '2024-09-14',
      '2024-09-29',
      '2024-10-12',
    ],
  },
  '2025': {
    holidays: [
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
      '2025-04-04',
      '2025-04-05',
      '2025-04-06',
      '2025-05-01',
      '2025-05-02',
      '2025-05-03',
      '2025-05-04',
      '2025-05-05',
      '2025-05-31',
      '2025-06-01',
      '2025-06-02',
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
};

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
    cmd('RecordFiling', { on: '2023-04-17', of: 'activist', by: COMMITTEE, ...authority }),
    { type: 'FilingRecorded', data: { ...ref, on: '2023-04-17', of: 'activist', by: COMMITTEE } },
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
    cmd('RecordFiling', {
      on: '2024-05-10',
      of: 'development_target',
      by: COMMITTEE,
      ...authority,
    }),
    {
      type: 'FilingRecorded',
      data: { ...ref, on: '2024-05-10', of: 'development_target', by: COMMITTEE },
    },
  ],
  [
    cmd('RecordPoliticalReview', { on: '2024-05-20', passed: true }),
    { type: 'PoliticalReviewCompleted', data: { ...ref, on: '2024-05-20', passed: true } },
  ],
  [
    cmd('RecordTraining', { on: '2024-05-27', days: 3, organizer: '县委党校' }),
    {
      type: 'TrainingCompleted',
      data: {
        ...ref,
        on: '2024-05-27',
        days: 3,
        totalHours: 24,
        organizer: '县委党校',
        concentrated: true,
      },
    },
  ],
  [
    cmd('PreReviewDevelopmentTarget', { on: '2024-06-03', by: '镇党委' }),
    {
      type: 'PreReviewCompleted',
      data: { ...ref, on: '2024-06-03', by: '镇党委', voteDueOn: '2024-07-03' },
    },
  ],
  [
    // 2024-06-10 is 端午 (a day off): Tue 4 → Tue 11 June holds 5 working days.
    cmd('PostPublicNotice', { from: '2024-06-04', to: '2024-06-11', calendar: CALENDAR }),
    {
      type: 'PublicNoticePosted',
      data: {
        ...ref,
        from: '2024-06-04',
        to: '2024-06-11',
        workingDays: 5,
        countedOn: 'official_calendar',
      },
    },
  ],
  [
    cmd('HoldBranchVote', {
      on: '2024-06-17',
      eligibleVoters: 25,
      present: 22,
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
        present: 22,
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
    cmd('HoldApprovalConversation', { on: '2024-07-05', by: '镇党委组织委员 刘明' }),
    {
      type: 'ApprovalConversationHeld',
      data: { ...ref, on: '2024-07-05', by: '镇党委组织委员 刘明' },
    },
  ],
  [
    cmd('ApproveAdmission', { on: '2024-07-15', by: COMMITTEE, ...authority }),
    {
      type: 'AdmissionApproved',
      data: {
        ...ref,
        on: '2024-07-15',
        by: COMMITTEE,
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
    cmd('ApplyForFullMembership', { on: '2025-06-03' }),
    { type: 'FullMembershipApplied', data: { ...ref, on: '2025-06-03' } },
  ],
  [
    cmd('HoldFullMembershipVote', {
      on: '2025-06-20',
      eligibleVoters: 26,
      present: 23,
      yesVotes: 22,
      noVotes: 1,
    }),
    {
      type: 'FullMembershipVoteHeld',
      data: {
        ...ref,
        on: '2025-06-20',
        eligibleVoters: 26,
        present: 23,
        yesVotes: 22,
        noVotes: 1,
        abstentions: 0,
        passed: true,
        approvalDueOn: '2025-09-20',
        dueOn: '2025-07-17',
        late: false,
      },
    },
  ],
  [
    cmd('ApproveFullMembership', { on: '2025-07-08', by: COMMITTEE, ...authority }),
    {
      type: 'FullMembershipApproved',
      data: {
        ...ref,
        on: '2025-07-08',
        by: COMMITTEE,
        voteOn: '2025-06-20',
        fullMemberSince: '2025-06-17',
        dueOn: '2025-09-20',
        late: false,
      },
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
