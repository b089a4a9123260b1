import { PairingSummary } from '../pairing/pairing.summary';
import { specFor } from '../shared/decider.spec-helper';
import { memberDecider } from './member.decider';
import { MemberEvent } from './member.events';
import { cmd, path, person, ref } from './member.spec-fixtures';

const given = specFor(memberDecider);

const pairing: PairingSummary = {
  id: 'pairing-07',
  exists: true,
  urbanOrganizationId: 'organ-nyj',
  ruralOrganizationId: ref.organizationId,
  urbanTownship: 'T00',
  ruralTownship: 'T03',
  startsOn: '2022-01-01',
  endsOn: '2027-12-31',
};

const apply = (cultivatingPairing: PairingSummary) =>
  cmd('ApplyForMembership', {
    organizationId: ref.organizationId,
    appliedOn: '2023-03-01',
    person,
    cultivatingPairing,
  });

const applied: MemberEvent = {
  type: 'MembershipApplied',
  data: {
    ...ref,
    pairingId: 'pairing-07',
    appliedOn: '2023-03-01',
    person,
    dualCultivation: false,
    interviewDueOn: '2023-04-01',
  },
};

describe('member decider: the pairing that cultivates a member (issue rule: members developed under a pairing count as its delivery)', () => {
  it('records the cultivating pairing of the member’s own village on application', () =>
    given([]).when(apply(pairing)).then([applied]));

  it('names that pairing on the designation as activist, its delivery', () => {
    const interviewed = path[1];
    const designation = path[2];
    given([applied, interviewed])
      .when(
        cmd('DesignateActivist', {
          on: '2023-04-10',
          method: 'member_recommendation',
          resolutionRef: '支委会〔2023〕4号',
        }),
      )
      .then([
        { ...designation, data: { ...designation.data, pairingId: 'pairing-07' } } as MemberEvent,
      ]);
  });

  it('refuses a pairing of another village', () =>
    given([])
      .when(apply({ ...pairing, ruralOrganizationId: 'br-99' }))
      .thenRefuses('PAIRING_NOT_OF_ORGANIZATION'));

  it('refuses a pairing that was dissolved', () =>
    given([])
      .when(apply({ ...pairing, dissolvedOn: '2022-06-30' }))
      .thenRefuses('PAIRING_NOT_ACTIVE'));

  it('refuses a pairing that does not exist', () =>
    given([])
      .when(apply({ id: 'pairing-00', exists: false }))
      .thenRefuses('PAIRING_NOT_FOUND'));
});
