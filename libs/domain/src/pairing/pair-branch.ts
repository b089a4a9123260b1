import {
  compact,
  requireAmountFen,
  requireCount,
  requireDate,
  requireDateRange,
  requireText,
} from '../organization/input.guards';
import { organizationInactive, organizationNotFound } from '../organization/organization.errors';
import { OrganizationSummary } from '../organization/organization.summary';
import { isRuralSector, isUrbanSector } from '../organization/organization.vocabulary';
import { checkMatchingPrinciple } from './matching-principle';
import { PairBranch } from './pairing.commands';
import {
  notARuralOrganization,
  notAnUrbanOrganization,
  pairingAlreadyExists,
  principleMismatch,
} from './pairing.errors';
import { BranchPaired } from './pairing.events';
import { PairingState } from './pairing.state';
import { Commitments } from './pairing.vocabulary';

type Registered = Extract<OrganizationSummary, { exists: true }>;

/**
 * 结对: an urban organization pairs with a village or community under a signed agreement.
 * "At most one active pairing per (urban, rural) pair" is kept by LinkPairing on the rural
 * organization's stream (organization/link-pairing.ts), not here.
 */
export function pairBranch(command: PairBranch, state: PairingState): BranchPaired[] {
  const { data } = command;
  const pairingId = requireText(data.pairingId, 'pairingId');
  if (state.exists) throw pairingAlreadyExists(pairingId);
  const urban = requireRegisteredActive(data.urban);
  const rural = requireRegisteredActive(data.rural);
  if (!isUrbanSector(urban.sector)) throw notAnUrbanOrganization(urban.id, urban.sector);
  if (!isRuralSector(rural.sector)) throw notARuralOrganization(rural.id, rural.sector);

  const contactLeader = {
    name: requireText(data.contactLeader?.name, 'contactLeader.name'),
    title: requireText(data.contactLeader?.title, 'contactLeader.title'),
  };
  const startsOn = requireDate(data.startsOn, 'startsOn');
  const endsOn = requireDate(data.endsOn, 'endsOn');
  requireDateRange(startsOn, endsOn, 'startsOn', 'endsOn');
  const commitments = validCommitments(data.commitments);

  const { requiredCategory, matched } = checkMatchingPrinciple(urban, rural);
  const overrideReason = data.principleOverrideReason?.trim()
    ? data.principleOverrideReason
    : undefined;
  if (!matched && requiredCategory && overrideReason === undefined) {
    throw principleMismatch(urban.id, rural.id, requiredCategory, rural.categories);
  }

  return [
    {
      type: 'BranchPaired',
      data: compact({
        pairingId,
        urbanOrganizationId: urban.id,
        ruralOrganizationId: rural.id,
        urbanName: urban.name,
        urbanSector: urban.sector,
        urbanDepartmentKind: urban.departmentKind,
        urbanTownship: urban.township,
        ruralName: rural.name,
        ruralSector: rural.sector,
        ruralTownship: rural.township,
        ruralCategories: [...rural.categories],
        contactLeader,
        startsOn,
        endsOn,
        commitments,
        requiredCategory,
        principleMatched: matched,
        principleOverrideReason: matched ? undefined : overrideReason,
      }),
    },
  ];
}

function requireRegisteredActive(organization: OrganizationSummary): Registered {
  if (!organization.exists) throw organizationNotFound(organization.id);
  if (organization.status !== 'active') throw organizationInactive(organization.id);
  return organization;
}

function validCommitments(commitments: Commitments | undefined): Commitments {
  return {
    fundsFen: requireAmountFen(commitments?.fundsFen, 'commitments.fundsFen', true),
    projects: requireCount(commitments?.projects, 'commitments.projects'),
    activists: requireCount(commitments?.activists, 'commitments.activists'),
  };
}
