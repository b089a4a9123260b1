import { contextOn, ruralSummary, urbanSummary } from '../organization/organization.spec-fixtures';
import { PairBranch } from './pairing.commands';
import { BranchPaired, BranchPairedData } from './pairing.events';

/** Test fixtures shared by the pairing and project specs: p1 pairs o1 (党群 organ) with v1. */
export const ref = { pairingId: 'p1', urbanOrganizationId: 'o1', ruralOrganizationId: 'v1' };

export const pairBranchData = (
  overrides: Partial<PairBranch['data']> = {},
): PairBranch['data'] => ({
  pairingId: 'p1',
  urban: urbanSummary(),
  rural: ruralSummary(),
  contactLeader: { name: '王强', title: '县委常委、宣传部部长' },
  startsOn: '2025-01-01',
  endsOn: '2027-12-31',
  commitments: { fundsFen: 10_000_000, projects: 2, activists: 3 },
  ...overrides,
});

export const pairBranch = (
  overrides: Partial<PairBranch['data']> = {},
  today = '2025-01-01',
): PairBranch => ({
  type: 'PairBranch',
  data: pairBranchData(overrides),
  context: contextOn(today),
});

export const branchPaired = (overrides: Partial<BranchPairedData> = {}): BranchPaired => ({
  type: 'BranchPaired',
  data: {
    ...ref,
    urbanName: '县委宣传部机关党支部',
    urbanSector: 'organ',
    urbanDepartmentKind: 'party_mass',
    urbanTownship: 'T00',
    ruralName: '东坪村党支部',
    ruralSector: 'village',
    ruralTownship: 'T01',
    ruralCategories: ['weak_lax'],
    contactLeader: { name: '王强', title: '县委常委、宣传部部长' },
    startsOn: '2025-01-01',
    endsOn: '2027-12-31',
    commitments: { fundsFen: 10_000_000, projects: 2, activists: 3 },
    requiredCategory: 'weak_lax',
    principleMatched: true,
    ...overrides,
  },
});
