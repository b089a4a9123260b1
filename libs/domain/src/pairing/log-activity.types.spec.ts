import { contextOn } from '../organization/organization.spec-fixtures';
import { specFor } from '../shared/decider.spec-helper';
import { LogActivity } from './pairing.commands';
import { pairingDecider } from './pairing.decider';
import { branchPaired, ref } from './pairing.spec-fixtures';
import { ActivityType } from './pairing.vocabulary';

const given = specFor(pairingDecider);
const log = (data: Partial<LogActivity['data']>): LogActivity => ({
  type: 'LogActivity',
  data: {
    pairingId: 'p1',
    activityId: 'a1',
    type: 'training',
    date: '2025-06-10',
    participants: 40,
    summary: '农村实用技术培训',
    ...data,
  },
  context: contextOn('2025-06-15'),
});

describe('LogActivity: the activity types the seeds report (issue 13 "Activity types")', () => {
  it.each<[ActivityType, string]>([
    ['joint_party_lecture', '联合党课 (三会一课)'],
    ['theme_party_day', '主题党日'],
    ['volunteer_service', '志愿服务'],
    ['symposium', '座谈: rural members visiting the organ (seed 002)'],
    ['study_tour', '考察学习'],
    ['on_site_meeting', '现场会'],
  ])('accepts %s — %s', (type) =>
    given([branchPaired()])
      .when(log({ type, participants: 25 }))
      .then([
        {
          type: 'ActivityLogged',
          data: {
            ...ref,
            activityId: 'a1',
            type,
            date: '2025-06-10',
            participants: 25,
            summary: '农村实用技术培训',
          },
        },
      ]),
  );

  it('refuses a type it does not know', () =>
    given([branchPaired()])
      .when(log({ type: 'banquet' as ActivityType }))
      .thenRefuses('INVALID_VALUE'));
});

describe('LogActivity: a training records its trainees by kind (issue 13)', () => {
  const trainees = { members: 12, activists: 3, farmers: 20, doubleLeaders: 5 };

  it('records members, activists, farmers and 双带能手 trained', () =>
    given([branchPaired()])
      .when(log({ trainees }))
      .then([
        {
          type: 'ActivityLogged',
          data: {
            ...ref,
            activityId: 'a1',
            type: 'training',
            date: '2025-06-10',
            participants: 40,
            summary: '农村实用技术培训',
            trainees,
          },
        },
      ]));

  it('refuses more trainees than participants', () =>
    given([branchPaired()])
      .when(log({ trainees: { ...trainees, farmers: 21 } }))
      .thenRefuses('TRAINEES_EXCEED_PARTICIPANTS'));

  it('refuses trainees on anything but a training', () =>
    given([branchPaired()])
      .when(log({ type: 'visit', trainees: { farmers: 2 } }))
      .thenRefuses('TRAINEES_ONLY_FOR_TRAINING'));

  it('refuses a count that is not a whole number', () =>
    given([branchPaired()])
      .when(log({ trainees: { members: 1.5 } }))
      .thenRefuses('INVALID_COUNT'));

  it('the same training again is a no-op; with other trainees it is a conflict', () => {
    const first = {
      type: 'ActivityLogged' as const,
      data: {
        ...ref,
        activityId: 'a1',
        type: 'training' as const,
        date: '2025-06-10',
        participants: 40,
        summary: '农村实用技术培训',
        trainees,
      },
    };
    given([branchPaired(), first]).when(log({ trainees })).then([]);
    given([branchPaired(), first])
      .when(log({ trainees: { ...trainees, members: 11 } }))
      .thenRefuses('ACTIVITY_ALREADY_LOGGED');
  });
});
