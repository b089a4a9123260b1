import { contextOn } from '../organization/organization.spec-fixtures';
import { specFor } from '../shared/decider.spec-helper';
import { LogActivity } from './pairing.commands';
import { pairingDecider } from './pairing.decider';
import { PairingEvent } from './pairing.events';
import { branchPaired, ref } from './pairing.spec-fixtures';

const given = specFor(pairingDecider);
// A term of one year, ending on 2025-12-31.
const paired = branchPaired({ startsOn: '2025-01-01', endsOn: '2025-12-31' });
const december = {
  pairingId: 'p1',
  activityId: 'a-dec',
  type: 'collective_activity_day',
  date: '2025-12-20',
  participants: 30,
  summary: '年终集体活动日',
} as const;
const log = (today: string, extra: Partial<LogActivity['data']> = {}): LogActivity => ({
  type: 'LogActivity',
  data: { ...december, lateEntryGraceDays: 60, ...extra },
  context: contextOn(today),
});
const logged = (extra: Record<string, unknown> = {}): PairingEvent => ({
  type: 'ActivityLogged',
  data: { ...ref, ...december, ...extra } as never,
});

describe('LogActivity after the term (issue 13 "Late entry")', () => {
  it('a December activity entered on 5 January is accepted within the grace, marked entered late', () =>
    given([paired])
      .when(log('2026-01-05'))
      .then([logged({ enteredLate: true })]));

  it('the last day of the grace (60 days after the end) still accepts it', () =>
    given([paired])
      .when(log('2026-03-01'))
      .then([logged({ enteredLate: true })]));

  it('refuses it once the grace has passed (PAIRING_NOT_ACTIVE)', () =>
    given([paired]).when(log('2026-03-02')).thenRefuses('PAIRING_NOT_ACTIVE'));

  it('without a grace configured the term end is the limit, as before', () =>
    given([paired])
      .when(log('2026-01-05', { lateEntryGraceDays: undefined }))
      .thenRefuses('PAIRING_NOT_ACTIVE'));

  it('the grace accepts only activities dated inside the term', () =>
    given([paired])
      .when(log('2026-01-05', { date: '2026-01-02' }))
      .thenRefuses('ACTIVITY_OUTSIDE_TERM'));

  it('a dissolved pairing has no grace', () =>
    given([
      paired,
      { type: 'PairingDissolved', data: { ...ref, reason: '机构改革', on: '2025-12-25' } },
    ])
      .when(log('2026-01-05'))
      .thenRefuses('PAIRING_NOT_ACTIVE'));

  it('an activity entered during the term is not marked late', () =>
    given([paired]).when(log('2025-12-21')).then([logged()]));
});
