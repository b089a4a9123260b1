import { requireDate, requireDateRange, requireText } from './input.guards';
import {
  LinkPairing,
  RemoveOrphanPairingLink,
  RenewPairingLink,
  RestorePairingLink,
  UnlinkPairing,
} from './organization.commands';
import { pairingAlreadyActive, pairingLinkConflict, pairingNotLinked } from './organization.errors';
import {
  OrphanPairingLinkRemoved,
  PairingLinkRenewed,
  PairingLinked,
  PairingLinkRestored,
  PairingUnlinked,
} from './organization.events';
import { requireActive, requireRegistered, requireRuralSector } from './organization.guards';
import { OrganizationState, isLinkActiveOn, overlapsTerm } from './organization.state';

/*
 * Pairing links on the RURAL organization's stream.
 *
 * "At most one active pairing per (urban, rural) pair" spans two pairing streams, so no single
 * pairing stream can guard it. The rural organization's stream does: every pairing of that
 * organization is linked on it first, and the append uses the stream's expected revision, so two
 * concurrent PairBranch requests for the same pair cannot both succeed (the loser conflicts,
 * retries, and is refused with PAIRING_ALREADY_ACTIVE).
 *
 * PairBranch decides BranchPaired on `pairing-<id>` and LinkPairing here against the states read
 * in the same attempt, and appends both at once (one atomic append across the two streams, each
 * at the revision it was read at; a conflict on either decides again). RenewPairing and
 * DissolvePairing do the same with RenewPairingLink and UnlinkPairing (reason `dissolved`).
 * A link stays active until its endsOn has passed, or until it is unlinked.
 */

/** Same pairingId again with the same urban organization: no-op. */
export function linkPairing(command: LinkPairing, state: OrganizationState): PairingLinked[] {
  const { data, context } = command;
  const organization = requireRegistered(state, data.organizationId);
  requireRuralSector(organization, command.type);
  requireActive(organization);
  const pairingId = requireText(data.pairingId, 'pairingId');
  const urbanOrganizationId = requireText(data.urbanOrganizationId, 'urbanOrganizationId');
  const startsOn = requireDate(data.startsOn, 'startsOn');
  const endsOn = requireDate(data.endsOn, 'endsOn');
  requireDateRange(startsOn, endsOn, 'startsOn', 'endsOn');

  const existing = organization.pairingLinks[pairingId];
  if (existing) {
    if (existing.urbanOrganizationId !== urbanOrganizationId) {
      throw pairingLinkConflict(organization.id, pairingId);
    }
    return [];
  }
  // Active now, or in force on a day of the new term (an expired one entered late included).
  const active = Object.values(organization.pairingLinks).find(
    (link) =>
      link.urbanOrganizationId === urbanOrganizationId &&
      (isLinkActiveOn(link, context.today) || overlapsTerm(link, startsOn, endsOn)),
  );
  if (active) throw pairingAlreadyActive(organization.id, urbanOrganizationId, active.pairingId);
  return [
    {
      type: 'PairingLinked',
      data: { organizationId: organization.id, pairingId, urbanOrganizationId, startsOn, endsOn },
    },
  ];
}

/** Moves the link's end to the renewed pairing's end; an end not later than the current one is a no-op. */
export function renewPairingLink(
  command: RenewPairingLink,
  state: OrganizationState,
): PairingLinkRenewed[] {
  const { data } = command;
  const organization = requireRegistered(state, data.organizationId);
  const link = organization.pairingLinks[data.pairingId];
  if (!link) throw pairingNotLinked(organization.id, data.pairingId);
  const endsOn = requireDate(data.endsOn, 'endsOn');
  if (endsOn <= link.endsOn) return [];
  return [
    {
      type: 'PairingLinkRenewed',
      data: {
        organizationId: organization.id,
        pairingId: link.pairingId,
        urbanOrganizationId: link.urbanOrganizationId,
        previousEndsOn: link.endsOn,
        endsOn,
      },
    },
  ];
}

/** No-op when the pairing is not linked (already unlinked, or never linked). */
export function unlinkPairing(command: UnlinkPairing, state: OrganizationState): PairingUnlinked[] {
  const { data } = command;
  const organization = requireRegistered(state, data.organizationId);
  const link = organization.pairingLinks[data.pairingId];
  if (!link) return [];
  return [
    {
      type: 'PairingUnlinked',
      data: {
        organizationId: organization.id,
        pairingId: link.pairingId,
        urbanOrganizationId: link.urbanOrganizationId,
        ...(data.reason === undefined ? {} : { reason: requireText(data.reason, 'reason') }),
      },
    },
  ];
}

/**
 * Repair (`gongjian repair apply`): the caller has seen that the pairing's stream holds nothing.
 * No-op when the link is already gone, so a second run adds nothing.
 */
export function removeOrphanPairingLink(
  command: RemoveOrphanPairingLink,
  state: OrganizationState,
): OrphanPairingLinkRemoved[] {
  const { data } = command;
  const organization = requireRegistered(state, data.organizationId);
  const link = organization.pairingLinks[data.pairingId];
  if (!link) return [];
  return [
    {
      type: 'OrphanPairingLinkRemoved',
      data: {
        organizationId: organization.id,
        pairingId: link.pairingId,
        urbanOrganizationId: link.urbanOrganizationId,
        reason: requireText(data.reason, 'reason'),
      },
    },
  ];
}

/**
 * Repair (`gongjian repair apply`): the caller has seen the pairing exist without this link.
 * No-op when the link is there; refused (PAIRING_ALREADY_ACTIVE) when the pair holds another
 * active pairing, which a person must resolve by dissolving one of the two.
 */
export function restorePairingLink(
  command: RestorePairingLink,
  state: OrganizationState,
): PairingLinkRestored[] {
  const { data, context } = command;
  const organization = requireRegistered(state, data.organizationId);
  if (organization.pairingLinks[data.pairingId]) return [];
  const active = Object.values(organization.pairingLinks).find(
    (link) =>
      link.urbanOrganizationId === data.urbanOrganizationId && isLinkActiveOn(link, context.today),
  );
  if (active) {
    throw pairingAlreadyActive(organization.id, data.urbanOrganizationId, active.pairingId);
  }
  return [
    {
      type: 'PairingLinkRestored',
      data: {
        organizationId: organization.id,
        pairingId: requireText(data.pairingId, 'pairingId'),
        urbanOrganizationId: requireText(data.urbanOrganizationId, 'urbanOrganizationId'),
        startsOn: requireDate(data.startsOn, 'startsOn'),
        endsOn: requireDate(data.endsOn, 'endsOn'),
        reason: requireText(data.reason, 'reason'),
      },
    },
  ];
}
