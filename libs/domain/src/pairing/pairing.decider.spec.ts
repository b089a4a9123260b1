import fc from 'fast-check';
import { contextOn } from '../organization/organization.spec-fixtures';
import { addDays, daysBetween } from '../shared/business-date';
import { fold } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { specFor } from '../shared/decider.spec-helper';
import { PairingCommand } from './pairing.commands';
import { pairingDecider } from './pairing.decider';
import { ActivityLogged, PairingEvent } from './pairing.events';
import { branchPaired, ref } from './pairing.spec-fixtures';
import { pairingStatusOn } from './pairing.state';
import { summarizePairing } from './pairing.summary';

const given = specFor(pairingDecider);
// The fixture term is 2025-01-01 .. 2027-12-31.
const TODAY = '2025-06-15';
type Data<T extends PairingCommand['type']> = Omit<
  Extract<PairingCommand, { type: T }>['data'],
  'pairingId'
>;
const cmd = <T extends PairingCommand['type']>(type: T, data: Data<T>, today = TODAY) =>
  ({ type, data: { pairingId: 'p1', ...data }, context: contextOn(today) }) as unknown as Extract<
    PairingCommand,
    { type: T }
  >;

const activity = {
  activityId: 'a1',
  type: 'guidance_day',
  date: '2025-06-10',
  participants: 12,
  summary: '指导村支部规范三会一课',
} as const;
const logged = (overrides: Partial<ActivityLogged['data']> = {}): PairingEvent => ({
  type: 'ActivityLogged',
  data: { ...ref, ...activity, ...overrides },
});
const dissolved: PairingEvent = {
  type: 'PairingDissolved',
  data: { ...ref, reason: '机构改革', on: '2025-05-01' },
};

describe('LogActivity', () => {
  it('logs an activity inside the term', () =>
    given([branchPaired()]).when(cmd('LogActivity', activity)).then([logged()]));

  it('logs an activity on the first day of the term and today', () => {
    given([branchPaired()])
      .when(cmd('LogActivity', { ...activity, date: '2025-01-01' }))
      .then([logged({ date: '2025-01-01' })]);
    given([branchPaired()])
      .when(cmd('LogActivity', { ...activity, date: TODAY }))
      .then([logged({ date: TODAY })]);
  });

  it('refuses an activity before the term', () =>
    given([branchPaired()])
      .when(cmd('LogActivity', { ...activity, date: '2024-12-31' }))
      .thenRefuses('ACTIVITY_OUTSIDE_TERM'));

  it('refuses an activity after today', () =>
    given([branchPaired()])
      .when(cmd('LogActivity', { ...activity, date: '2025-06-16' }))
      .thenRefuses('ACTIVITY_IN_FUTURE'));

  it('refuses an activity on a dissolved pairing', () =>
    given([branchPaired(), dissolved])
      .when(cmd('LogActivity', activity))
      .thenRefuses('PAIRING_NOT_ACTIVE'));

  it('refuses an activity on an expired pairing', () =>
    given([branchPaired()])
      .when(cmd('LogActivity', activity, '2028-01-01'))
      .thenRefuses('PAIRING_NOT_ACTIVE'));

  it('refuses an unknown pairing', () =>
    given([]).when(cmd('LogActivity', activity)).thenRefuses('PAIRING_NOT_FOUND'));

  it('is a no-op when the same activity is logged again', () =>
    given([branchPaired(), logged()]).when(cmd('LogActivity', activity)).then([]));

  it('refuses a reused activity id with other content', () =>
    given([branchPaired(), logged()])
      .when(cmd('LogActivity', { ...activity, participants: 13 }))
      .thenRefuses('ACTIVITY_ALREADY_LOGGED'));

  it('refuses an unknown activity type', () =>
    given([branchPaired()])
      .when(cmd('LogActivity', { ...activity, type: 'banquet' as never }))
      .thenRefuses('INVALID_VALUE'));

  it('refuses an activity without participants', () =>
    given([branchPaired()])
      .when(cmd('LogActivity', { ...activity, participants: 0 }))
      .thenRefuses('INVALID_COUNT'));

  it('property: any date outside the term is refused, any date inside it up to today is accepted', () =>
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 1500 }),
        fc.integer({ min: 0, max: 1094 }),
        (offset, todayOffset) => {
          const today = addDays('2025-01-01', todayOffset);
          const date = addDays('2025-01-01', offset);
          const run = () =>
            pairingDecider.decide(
              cmd('LogActivity', { ...activity, date }, today),
              fold(pairingDecider, [branchPaired()]),
            );
          const inTerm = offset >= 0 && date <= '2027-12-31';
          if (inTerm && date <= today) {
            expect(run()).toHaveLength(1);
          } else {
            expect(run).toThrow(DomainError);
            let code = '';
            try {
              run();
            } catch (e) {
              code = (e as DomainError).code;
            }
            expect(code).toBe(inTerm ? 'ACTIVITY_IN_FUTURE' : 'ACTIVITY_OUTSIDE_TERM');
          }
        },
      ),
    ));
});

describe('DissolvePairing', () => {
  it('dissolves an active pairing', () =>
    given([branchPaired()])
      .when(cmd('DissolvePairing', { reason: '机构改革', on: '2025-05-01' }))
      .then([dissolved]));

  it('refuses a second dissolution', () =>
    given([branchPaired(), dissolved])
      .when(cmd('DissolvePairing', { reason: 'again', on: '2025-05-02' }))
      .thenRefuses('PAIRING_NOT_ACTIVE'));

  it('refuses a date after today', () =>
    given([branchPaired()])
      .when(cmd('DissolvePairing', { reason: '机构改革', on: '2025-06-16' }))
      .thenRefuses('DATE_IN_FUTURE'));

  it('refuses a date before the term began', () =>
    given([branchPaired({ startsOn: '2025-03-01' })])
      .when(cmd('DissolvePairing', { reason: '机构改革', on: '2025-02-01' }))
      .thenRefuses('DISSOLUTION_BEFORE_START'));

  it('calls off a pairing whose term has not begun on the day it is', () =>
    given([branchPaired({ startsOn: '2025-09-01' })])
      .when(cmd('DissolvePairing', { reason: '计划调整', on: TODAY }))
      .then([{ type: 'PairingDissolved', data: { ...ref, reason: '计划调整', on: TODAY } }]));

  it('refuses a date before the last logged activity', () =>
    given([branchPaired(), logged()])
      .when(cmd('DissolvePairing', { reason: '机构改革', on: '2025-06-09' }))
      .thenRefuses('DISSOLUTION_BEFORE_LAST_ACTIVITY'));

  it('accepts the day of the last logged activity', () =>
    given([branchPaired(), logged()])
      .when(cmd('DissolvePairing', { reason: '机构改革', on: '2025-06-10' }))
      .then([
        { type: 'PairingDissolved', data: { ...ref, reason: '机构改革', on: '2025-06-10' } },
      ]));

  it('refuses an empty reason', () =>
    given([branchPaired()])
      .when(cmd('DissolvePairing', { reason: '', on: '2025-05-01' }))
      .thenRefuses('INVALID_VALUE'));
});

describe('RenewPairing', () => {
  it('extends the term', () =>
    given([branchPaired()])
      .when(cmd('RenewPairing', { endsOn: '2030-12-31' }))
      .then([
        {
          type: 'PairingRenewed',
          data: { ...ref, previousEndsOn: '2027-12-31', endsOn: '2030-12-31' },
        },
      ]));

  it('refuses an end that is not later', () =>
    given([branchPaired()])
      .when(cmd('RenewPairing', { endsOn: '2027-12-31' }))
      .thenRefuses('RENEWAL_END_NOT_LATER'));

  it('refuses a dissolved pairing', () =>
    given([branchPaired(), dissolved])
      .when(cmd('RenewPairing', { endsOn: '2030-12-31' }))
      .thenRefuses('PAIRING_NOT_ACTIVE'));

  it('renews a pairing whose term ended within the late-entry grace, marked entered late', () =>
    given([branchPaired({ endsOn: '2025-05-31' })])
      .when(cmd('RenewPairing', { endsOn: '2027-05-31', lateEntryGraceDays: 60 }))
      .then([
        {
          type: 'PairingRenewed',
          data: { ...ref, previousEndsOn: '2025-05-31', endsOn: '2027-05-31', enteredLate: true },
        },
      ]));

  it('refuses a pairing whose term ended before the grace', () =>
    given([branchPaired({ endsOn: '2025-03-31' })])
      .when(cmd('RenewPairing', { endsOn: '2027-05-31', lateEntryGraceDays: 60 }))
      .thenRefuses('PAIRING_NOT_ACTIVE'));

  it('lets activities be logged in the extended term', () =>
    given([
      branchPaired(),
      {
        type: 'PairingRenewed',
        data: { ...ref, previousEndsOn: '2027-12-31', endsOn: '2030-12-31' },
      },
    ])
      .when(cmd('LogActivity', { ...activity, date: '2028-03-01' }, '2028-03-02'))
      .then([logged({ date: '2028-03-01' })]));
});

describe('RecordCommitmentDelivery', () => {
  const funds = {
    kind: 'funds',
    amountFen: 500_000,
    ref: 'allocation-9',
    on: '2025-06-01',
  } as const;

  it('records delivered funds', () =>
    given([branchPaired()])
      .when(cmd('RecordCommitmentDelivery', funds))
      .then([{ type: 'CommitmentDelivered', data: { ...ref, ...funds } }]));

  it('records a delivered project count', () =>
    given([branchPaired()])
      .when(
        cmd('RecordCommitmentDelivery', {
          kind: 'projects',
          count: 1,
          ref: 'project-1',
          on: '2025-06-01',
        }),
      )
      .then([
        {
          type: 'CommitmentDelivered',
          data: { ...ref, kind: 'projects', count: 1, ref: 'project-1', on: '2025-06-01' },
        },
      ]));

  it('is a no-op for a (kind, ref) already recorded', () =>
    given([branchPaired(), { type: 'CommitmentDelivered', data: { ...ref, ...funds } }])
      .when(cmd('RecordCommitmentDelivery', funds))
      .then([]));

  it('accepts a late delivery on a dissolved pairing', () =>
    given([branchPaired(), dissolved])
      .when(cmd('RecordCommitmentDelivery', funds))
      .then([{ type: 'CommitmentDelivered', data: { ...ref, ...funds } }]));

  it('refuses a non-positive amount', () =>
    given([branchPaired()])
      .when(cmd('RecordCommitmentDelivery', { ...funds, amountFen: 0 }))
      .thenRefuses('INVALID_AMOUNT'));

  it('refuses a count on funds', () =>
    given([branchPaired()])
      .when(cmd('RecordCommitmentDelivery', { ...funds, count: 1 }))
      .thenRefuses('INVALID_VALUE'));

  it('refuses a delivery dated after today', () =>
    given([branchPaired()])
      .when(cmd('RecordCommitmentDelivery', { ...funds, on: '2025-07-01' }))
      .thenRefuses('DATE_IN_FUTURE'));

  it('tracks delivered against committed', () => {
    const state = fold(pairingDecider, [
      branchPaired(),
      { type: 'CommitmentDelivered', data: { ...ref, ...funds } },
      { type: 'CommitmentDelivered', data: { ...ref, ...funds, ref: 'allocation-10' } },
      {
        type: 'CommitmentDelivered',
        data: { ...ref, kind: 'activists', count: 2, ref: 'm-1', on: '2025-06-01' },
      },
    ]);
    expect(state.exists && { commitments: state.commitments, delivered: state.delivered }).toEqual({
      commitments: { fundsFen: 10_000_000, projects: 2, activists: 3 },
      delivered: { fundsFen: 1_000_000, projects: 0, activists: 2 },
    });
  });
});

describe('pairingStatusOn', () => {
  it('is active through the last day, expired after it, dissolved once dissolved', () => {
    expect(pairingStatusOn({ endsOn: '2027-12-31' }, '2027-12-31')).toBe('active');
    expect(pairingStatusOn({ endsOn: '2027-12-31' }, '2028-01-01')).toBe('expired');
    expect(pairingStatusOn({ endsOn: '2027-12-31', dissolvedOn: '2025-05-01' }, '2025-06-01')).toBe(
      'dissolved',
    );
  });

  it('property: expired exactly when today is past the end', () =>
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (offset) => {
        const today = addDays('2027-12-31', offset);
        expect(pairingStatusOn({ endsOn: '2027-12-31' }, today)).toBe(
          daysBetween('2027-12-31', today) > 0 ? 'expired' : 'active',
        );
      }),
    ));
});

describe('summarizePairing', () => {
  it('summarizes what projects need', () => {
    expect(summarizePairing('p1', fold(pairingDecider, [branchPaired(), dissolved]))).toEqual({
      id: 'p1',
      exists: true,
      urbanOrganizationId: 'o1',
      ruralOrganizationId: 'v1',
      urbanTownship: 'T00',
      ruralTownship: 'T01',
      startsOn: '2025-01-01',
      endsOn: '2027-12-31',
      dissolvedOn: '2025-05-01',
    });
    expect(summarizePairing('p9', fold(pairingDecider, []))).toEqual({ id: 'p9', exists: false });
  });
});
