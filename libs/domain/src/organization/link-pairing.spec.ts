import fc from 'fast-check';
import { fold } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { specFor } from '../shared/decider.spec-helper';
import { LinkPairing, OrganizationCommand, UnlinkPairing } from './organization.commands';
import { organizationDecider } from './organization.decider';
import { OrganizationEvent } from './organization.events';
import { isLinkActiveOn } from './organization.state';
import { contextOn, organRegistered, villageRegistered } from './organization.spec-fixtures';

const given = specFor(organizationDecider);
const today = '2025-06-15';
const context = contextOn(today);

const link = (
  pairingId: string,
  urbanOrganizationId = 'o1',
  endsOn = '2026-12-31',
  organizationId = 'v1',
  startsOn = '2025-01-01',
): LinkPairing => ({
  type: 'LinkPairing',
  data: { organizationId, pairingId, urbanOrganizationId, startsOn, endsOn },
  context,
});
const linked = (
  pairingId: string,
  urbanOrganizationId = 'o1',
  endsOn = '2026-12-31',
  startsOn = '2025-01-01',
): OrganizationEvent => ({
  type: 'PairingLinked',
  data: { organizationId: 'v1', pairingId, urbanOrganizationId, startsOn, endsOn },
});
const unlink = (pairingId: string): UnlinkPairing => ({
  type: 'UnlinkPairing',
  data: { organizationId: 'v1', pairingId, reason: 'dissolved' },
  context,
});
const renewLink = (pairingId: string, endsOn: string): OrganizationCommand => ({
  type: 'RenewPairingLink',
  data: { organizationId: 'v1', pairingId, endsOn },
  context,
});

describe('LinkPairing (rural organization stream)', () => {
  it('links a pairing', () =>
    given([villageRegistered()])
      .when(link('p1'))
      .then([linked('p1')]));

  it('is a no-op when the same pairing is linked again', () =>
    given([villageRegistered(), linked('p1')])
      .when(link('p1'))
      .then([]));

  it('refuses a second active pairing with the same urban organization', () =>
    given([villageRegistered(), linked('p1')])
      .when(link('p2'))
      .thenRefuses('PAIRING_ALREADY_ACTIVE'));

  it('accepts a pairing with another urban organization', () =>
    given([villageRegistered(), linked('p1')])
      .when(link('p2', 'o2'))
      .then([linked('p2', 'o2')]));

  it('accepts a new pairing once the previous one has expired', () =>
    given([villageRegistered(), linked('p1', 'o1', '2025-06-14')])
      .when(link('p2', 'o1', '2026-12-31', 'v1', '2025-06-15'))
      .then([linked('p2', 'o1', '2026-12-31', '2025-06-15')]));

  it('refuses a pairing whose term overlaps an expired one with the same urban organization', () =>
    given([villageRegistered(), linked('p1', 'o1', '2025-06-14')])
      .when(link('p2', 'o1', '2026-12-31', 'v1', '2025-06-14'))
      .thenRefuses('PAIRING_ALREADY_ACTIVE'));

  it('still refuses on the last day of the previous term', () =>
    given([villageRegistered(), linked('p1', 'o1', today)])
      .when(link('p2'))
      .thenRefuses('PAIRING_ALREADY_ACTIVE'));

  it('accepts a new pairing once the previous one is unlinked', () =>
    given([
      villageRegistered(),
      linked('p1'),
      {
        type: 'PairingUnlinked',
        data: { organizationId: 'v1', pairingId: 'p1', urbanOrganizationId: 'o1' },
      },
    ])
      .when(link('p2'))
      .then([linked('p2')]));

  it('refuses the same pairing id with another urban organization', () =>
    given([villageRegistered(), linked('p1')])
      .when(link('p1', 'o2'))
      .thenRefuses('PAIRING_LINK_CONFLICT'));

  it('refuses a non-rural organization', () =>
    given([organRegistered('o9')])
      .when(link('p1', 'o1', '2026-12-31', 'o9'))
      .thenRefuses('SECTOR_NOT_APPLICABLE'));

  it('refuses an unregistered organization', () =>
    given([]).when(link('p1')).thenRefuses('ORGANIZATION_NOT_FOUND'));

  it('refuses an inactive organization', () =>
    given([
      villageRegistered(),
      {
        type: 'OrganizationDeactivated',
        data: { organizationId: 'v1', reason: 'merged', on: '2025-01-01' },
      },
    ])
      .when(link('p1'))
      .thenRefuses('ORGANIZATION_INACTIVE'));

  it('refuses a term that ends before it starts', () =>
    given([villageRegistered()])
      .when(link('p1', 'o1', '2024-12-31'))
      .thenRefuses('INVALID_DATE_RANGE'));
});

describe('RenewPairingLink', () => {
  it('moves the end of the link', () =>
    given([villageRegistered(), linked('p1')])
      .when(renewLink('p1', '2027-12-31'))
      .then([
        {
          type: 'PairingLinkRenewed',
          data: {
            organizationId: 'v1',
            pairingId: 'p1',
            urbanOrganizationId: 'o1',
            previousEndsOn: '2026-12-31',
            endsOn: '2027-12-31',
          },
        },
      ]));

  it('is a no-op for an end that is not later', () =>
    given([villageRegistered(), linked('p1')])
      .when(renewLink('p1', '2026-12-31'))
      .then([]));

  it('keeps blocking past the original end', () => {
    const events: OrganizationEvent[] = [
      villageRegistered(),
      linked('p1', 'o1', '2025-06-01'),
      ...organizationDecider.decide(
        renewLink('p1', '2026-06-01'),
        fold(organizationDecider, [villageRegistered(), linked('p1', 'o1', '2025-06-01')]),
      ),
    ];
    given(events).when(link('p2')).thenRefuses('PAIRING_ALREADY_ACTIVE');
  });

  it('refuses a pairing that is not linked', () =>
    given([villageRegistered()])
      .when(renewLink('p1', '2027-12-31'))
      .thenRefuses('PAIRING_NOT_LINKED'));
});

describe('UnlinkPairing', () => {
  it('unlinks a linked pairing', () =>
    given([villageRegistered(), linked('p1')])
      .when(unlink('p1'))
      .then([
        {
          type: 'PairingUnlinked',
          data: {
            organizationId: 'v1',
            pairingId: 'p1',
            urbanOrganizationId: 'o1',
            reason: 'dissolved',
          },
        },
      ]));

  it('is a no-op when the pairing is not linked', () =>
    given([villageRegistered()]).when(unlink('p1')).then([]));
});

describe('property: at most one active link per urban organization', () => {
  const step = fc.oneof(
    fc.record({
      kind: fc.constant('link' as const),
      pairingId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
      urban: fc.constantFrom('o1', 'o2'),
    }),
    fc.record({
      kind: fc.constant('unlink' as const),
      pairingId: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
    }),
  );

  it('holds after any sequence of accepted links and unlinks', () =>
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        let state = fold(organizationDecider, [villageRegistered()]);
        for (const s of steps) {
          const command = s.kind === 'link' ? link(s.pairingId, s.urban) : unlink(s.pairingId);
          try {
            const events = organizationDecider.decide(command, state);
            state = events.reduce(organizationDecider.evolve, state);
          } catch (e) {
            if (!(e instanceof DomainError)) throw e;
          }
          if (!state.exists) throw new Error('unreachable');
          const active = Object.values(state.pairingLinks).filter((l) => isLinkActiveOn(l, today));
          for (const urban of ['o1', 'o2']) {
            expect(
              active.filter((l) => l.urbanOrganizationId === urban).length,
            ).toBeLessThanOrEqual(1);
          }
        }
      }),
    ));
});
