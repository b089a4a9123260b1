import { fold } from '../shared/decider';
import { specFor } from '../shared/decider.spec-helper';
import { memberDecider } from './member.decider';
import { MemberEvent } from './member.events';
import { cmd, path, person, ref, steps, through } from './member.spec-fixtures';

const given = specFor(memberDecider);

describe('member decider: the whole procedure', () => {
  it.each(steps.map(([command, event], i) => [i, event.type, command, event] as const))(
    'step %i accepts and records %s',
    (i, _type, command, event) => given(path.slice(0, i)).when(command).then([event]),
  );

  it('folds to a full member with the history of every step', () => {
    const state = fold(memberDecider, path);
    expect(state).toMatchObject({
      stage: 'full_member',
      fullMemberSince: '2025-06-17',
      activistSince: '2023-04-10',
    });
    expect(state.stage !== 'none' && state.history.map((h) => h.step)).toEqual([
      'apply',
      'interview',
      'designate_activist',
      'assign_contacts',
      'record_filing',
      'review_activist',
      'review_activist',
      'designate_target',
      'assign_sponsors',
      'record_filing',
      'political_review',
      'training',
      'pre_review',
      'public_notice',
      'branch_vote',
      'approval_conversation',
      'approve_admission',
      'oath',
      'apply_full_membership',
      'full_membership_vote',
      'approve_full_membership',
    ]);
  });

  it('refuses every step once a full member', () =>
    given(path)
      .when(cmd('TransferMember', { on: '2025-07-20', toOrganizationId: 'br-02' }))
      .thenRefuses('STEP_NOT_ALLOWED_IN_STAGE'));
});

describe('member decider: application', () => {
  const apply = (data: Partial<Parameters<typeof cmd<'ApplyForMembership'>>[1]>) =>
    cmd('ApplyForMembership', {
      organizationId: 'br-01',
      appliedOn: '2023-03-01',
      person,
      ...data,
    });

  it('refuses an applicant under 18 on the application date', () =>
    given([])
      .when(apply({ person: { ...person, birthDate: '2005-03-02' } }))
      .thenRefuses('APPLICANT_UNDER_AGE'));

  it('accepts an applicant turning 18 that day', () =>
    given([])
      .when(apply({ person: { ...person, birthDate: '2005-03-01' } }))
      .then([
        {
          ...path[0],
          data: { ...path[0].data, person: { ...person, birthDate: '2005-03-01' } },
        } as MemberEvent,
      ]));

  it('records dual cultivation for a migrant worker with a partner organization', () => {
    const migrant = { ...person, migrantWorker: true };
    given([])
      .when(apply({ person: migrant, partnerOrganizationId: 'br-sz-07' }))
      .then([
        {
          type: 'MembershipApplied',
          data: {
            ...ref,
            partnerOrganizationId: 'br-sz-07',
            appliedOn: '2023-03-01',
            person: migrant,
            dualCultivation: true,
            interviewDueOn: '2023-04-01',
          },
        },
      ]);
  });

  it('carries the partner organization on every later event', () => {
    const applied: MemberEvent = {
      type: 'MembershipApplied',
      data: {
        ...ref,
        partnerOrganizationId: 'br-sz-07',
        appliedOn: '2023-03-01',
        person,
        dualCultivation: true,
        interviewDueOn: '2023-04-01',
      },
    };
    given([applied])
      .when(cmd('InterviewApplicant', { on: '2023-03-20' }))
      .then([
        {
          type: 'ApplicantInterviewed',
          data: {
            ...ref,
            partnerOrganizationId: 'br-sz-07',
            on: '2023-03-20',
            dueOn: '2023-04-01',
            late: false,
          },
        },
      ]);
  });

  it('refuses personal data that is not encrypted', () =>
    given([])
      .when(apply({ person: { ...person, idNumberCipher: '11010519981231002X' } }))
      .thenRefuses('PERSONAL_DATA_NOT_ENCRYPTED'));

  it('refuses an application dated in the future', () =>
    given([])
      .when(apply({ appliedOn: '2025-08-02' }))
      .thenRefuses('STEP_DATE_INVALID'));

  it('refuses a second application on the same stream', () =>
    given(path.slice(0, 1)).when(apply({})).thenRefuses('APPLICATION_ALREADY_SUBMITTED'));

  it('refuses a step for an unknown member', () =>
    given([])
      .when(cmd('InterviewApplicant', { on: '2023-03-20' }))
      .thenRefuses('MEMBER_NOT_FOUND'));
});

describe('member decider: order and dates of steps', () => {
  it('refuses a step dated after today', () =>
    given(path.slice(0, 1))
      .when(cmd('InterviewApplicant', { on: '2023-03-20' }, '2023-03-19'))
      .thenRefuses('STEP_DATE_INVALID'));

  it('refuses a step dated before the previous step', () =>
    given(path.slice(0, 1))
      .when(cmd('InterviewApplicant', { on: '2023-02-28' }))
      .thenRefuses('STEP_DATE_INVALID'));

  it('refuses a step of another stage', () =>
    given(path.slice(0, 2))
      .when(cmd('DesignateDevelopmentTarget', { on: '2024-05-06', resolutionRef: 'x' }))
      .thenRefuses('STEP_NOT_ALLOWED_IN_STAGE'));

  it('refuses training once pre-reviewed', () =>
    given(through('PreReviewCompleted'))
      .when(cmd('RecordTraining', { on: '2024-06-03', hours: 4, organizer: '镇党委' }))
      .thenRefuses('STEP_NOT_ALLOWED_IN_STAGE'));

  it('refuses a second interview', () =>
    given(path.slice(0, 2))
      .when(cmd('InterviewApplicant', { on: '2023-03-21' }))
      .thenRefuses('STEP_ALREADY_RECORDED'));

  it('flags a late interview in the event', () =>
    given(path.slice(0, 1))
      .when(cmd('InterviewApplicant', { on: '2023-04-03' }))
      .then([
        {
          type: 'ApplicantInterviewed',
          data: { ...ref, on: '2023-04-03', dueOn: '2023-04-01', late: true },
        },
      ]));
});

describe('member decider: activist', () => {
  it('refuses designating an activist without an interview (INTERVIEW_REQUIRED)', () =>
    given(path.slice(0, 1))
      .when(
        cmd('DesignateActivist', {
          on: '2023-04-10',
          method: 'member_recommendation',
          resolutionRef: 'r',
        }),
      )
      .thenRefuses('INTERVIEW_REQUIRED'));

  it('refuses 0 or 3 cultivation contacts and duplicates', () => {
    const g = given(through('ActivistDesignated'));
    g.when(cmd('AssignCultivationContacts', { on: '2023-04-10', contacts: [] })).thenRefuses(
      'CONTACTS_COUNT_INVALID',
    );
    g.when(
      cmd('AssignCultivationContacts', { on: '2023-04-10', contacts: ['a', 'b', 'c'] }),
    ).thenRefuses('CONTACTS_COUNT_INVALID');
    g.when(
      cmd('AssignCultivationContacts', { on: '2023-04-10', contacts: ['a', 'a'] }),
    ).thenRefuses('CONTACTS_COUNT_INVALID');
  });

  it('accepts a single cultivation contact', () =>
    given(through('ActivistDesignated'))
      .when(cmd('AssignCultivationContacts', { on: '2023-04-11', contacts: ['张建国'] }))
      .then([
        {
          type: 'CultivationContactsAssigned',
          data: { ...ref, on: '2023-04-11', contacts: ['张建国'] },
        },
      ]));

  it('refuses a development target after less than one year as activist', () =>
    given(through('ActivistReviewed'))
      .when(cmd('DesignateDevelopmentTarget', { on: '2024-04-09', resolutionRef: 'r' }))
      .thenRefuses('ACTIVIST_PERIOD_TOO_SHORT'));

  it('accepts a development target exactly one year after becoming activist', () =>
    given(through('ActivistReviewed'))
      .when(cmd('DesignateDevelopmentTarget', { on: '2024-04-10', resolutionRef: 'r' }))
      .then([
        {
          type: 'DevelopmentTargetDesignated',
          data: { ...ref, on: '2024-04-10', resolutionRef: 'r', activistSince: '2023-04-10' },
        },
      ]));

  describe('transfer keeps the cultivation time', () => {
    const moved: MemberEvent = {
      type: 'MemberTransferred',
      data: {
        ...ref,
        organizationId: 'br-02',
        on: '2023-11-01',
        fromOrganizationId: 'br-01',
        toOrganizationId: 'br-02',
      },
    };
    const reviewedThere: MemberEvent = {
      type: 'ActivistReviewed',
      data: {
        memberId: 'm-001',
        organizationId: 'br-02',
        on: '2024-03-20',
        result: 'satisfactory',
        nextReviewDueOn: '2024-09-20',
        dueOn: '2024-04-09',
        late: false,
      },
    };
    const history = [...path.slice(0, 6), moved, reviewedThere];

    it('records the transfer', () =>
      given(path.slice(0, 6))
        .when(cmd('TransferMember', { on: '2023-11-01', toOrganizationId: 'br-02' }))
        .then([moved]));

    it('refuses the target with no review in the second half-year, across the transfer (细则 art. 14)', () =>
      given([...path.slice(0, 6), moved])
        .when(cmd('DesignateDevelopmentTarget', { on: '2024-04-10', resolutionRef: 'r' }))
        .thenRefuses('ACTIVIST_REVIEWS_MISSING'));

    it('still refuses before one year since the original designation', () =>
      given(history)
        .when(cmd('DesignateDevelopmentTarget', { on: '2024-04-09', resolutionRef: 'r' }))
        .thenRefuses('ACTIVIST_PERIOD_TOO_SHORT'));

    it('accepts one year after the original designation, in the new organization', () =>
      given(history)
        .when(cmd('DesignateDevelopmentTarget', { on: '2024-04-10', resolutionRef: 'r' }))
        .then([
          {
            type: 'DevelopmentTargetDesignated',
            data: {
              memberId: 'm-001',
              organizationId: 'br-02',
              on: '2024-04-10',
              resolutionRef: 'r',
              activistSince: '2023-04-10',
            },
          },
        ]));

    it('refuses a transfer to the same organization', () =>
      given(path.slice(0, 6))
        .when(cmd('TransferMember', { on: '2023-11-01', toOrganizationId: 'br-01' }))
        .thenRefuses('TRANSFER_TO_SAME_ORGANIZATION'));
  });

  it('refuses a development target after an unsatisfactory review, accepts after a good one', () => {
    const bad: MemberEvent = {
      type: 'ActivistReviewed',
      data: {
        ...ref,
        on: '2024-04-08',
        result: 'unsatisfactory',
        nextReviewDueOn: '2024-10-08',
        dueOn: '2024-04-09',
        late: false,
      },
    };
    const good: MemberEvent = {
      type: 'ActivistReviewed',
      data: {
        ...ref,
        on: '2024-10-08',
        result: 'satisfactory',
        nextReviewDueOn: '2025-04-08',
        dueOn: '2024-10-08',
        late: false,
      },
    };
    const base = path.slice(0, 6);
    given([...base, bad])
      .when(cmd('DesignateDevelopmentTarget', { on: '2024-05-06', resolutionRef: 'r' }))
      .thenRefuses('ACTIVIST_REVIEW_UNSATISFACTORY');
    given([...base, bad])
      .when(cmd('ReviewActivist', { on: '2024-10-08', result: 'satisfactory' }))
      .then([good]);
    given([...base, bad, good])
      .when(cmd('DesignateDevelopmentTarget', { on: '2024-10-09', resolutionRef: 'r' }))
      .then([
        {
          type: 'DevelopmentTargetDesignated',
          data: { ...ref, on: '2024-10-09', resolutionRef: 'r', activistSince: '2023-04-10' },
        },
      ]);
  });

  it('lets an applicant withdraw, then refuses further steps', () => {
    const withdrawn: MemberEvent = {
      type: 'MembershipWithdrawn',
      data: { ...ref, on: '2023-03-10', reason: '个人原因', stage: 'applicant' },
    };
    given(path.slice(0, 1))
      .when(cmd('WithdrawFromDevelopment', { on: '2023-03-10', reason: '个人原因' }))
      .then([withdrawn]);
    given([path[0], withdrawn])
      .when(cmd('InterviewApplicant', { on: '2023-03-20' }))
      .thenRefuses('STEP_NOT_ALLOWED_IN_STAGE');
  });
});
