import { ruralSummary, urbanSummary } from '../organization/organization.spec-fixtures';
import { specFor } from '../shared/decider.spec-helper';
import { pairingDecider } from './pairing.decider';
import { branchPaired, pairBranch } from './pairing.spec-fixtures';

const given = specFor(pairingDecider);

describe('PairBranch', () => {
  it('pairs an organ with a village that meets the matching principle', () =>
    given([]).when(pairBranch()).then([branchPaired()]));

  it.each([
    ['party_mass', 'weak_lax'],
    ['political_legal', 'disorderly'],
    ['economic', 'poor'],
    ['agriculture', 'industry_demo'],
  ] as const)('pairs a %s organ with a %s village', (departmentKind, category) =>
    given([])
      .when(
        pairBranch({
          urban: urbanSummary({ departmentKind }),
          rural: ruralSummary({ categories: ['hollow_economy', category] }),
        }),
      )
      .then([
        branchPaired({
          urbanDepartmentKind: departmentKind,
          ruralCategories: ['hollow_economy', category],
          requiredCategory: category,
        }),
      ]),
  );

  it('refuses a principle mismatch without an override reason', () =>
    given([])
      .when(pairBranch({ rural: ruralSummary({ categories: ['poor'] }) }))
      .thenRefuses('PRINCIPLE_MISMATCH'));

  it('refuses a principle mismatch with a blank override reason', () =>
    given([])
      .when(pairBranch({ rural: ruralSummary({ categories: [] }), principleOverrideReason: '  ' }))
      .thenRefuses('PRINCIPLE_MISMATCH'));

  it('records an overridden mismatch and its reason', () =>
    given([])
      .when(
        pairBranch({
          rural: ruralSummary({ categories: ['poor'] }),
          principleOverrideReason: '县委常委会 2025-3 号决定',
        }),
      )
      .then([
        branchPaired({
          ruralCategories: ['poor'],
          principleMatched: false,
          principleOverrideReason: '县委常委会 2025-3 号决定',
        }),
      ]));

  it('ignores an override reason when the principle is met', () =>
    given([])
      .when(pairBranch({ principleOverrideReason: 'not needed' }))
      .then([branchPaired()]));

  it.each([
    ['an enterprise', urbanSummary({ sector: 'enterprise', departmentKind: undefined })],
    ['an organ of kind other', urbanSummary({ departmentKind: 'other' })],
  ])('applies no principle to %s', (_label, urban) =>
    given([])
      .when(pairBranch({ urban, rural: ruralSummary({ categories: [] }) }))
      .then([
        branchPaired({
          urbanSector: urban.sector,
          urbanDepartmentKind: urban.departmentKind,
          ruralCategories: [],
          requiredCategory: null,
        }),
      ]),
  );

  it('pairs with a community', () =>
    given([])
      .when(pairBranch({ rural: ruralSummary({ sector: 'community' }) }))
      .then([branchPaired({ ruralSector: 'community' })]));

  it('refuses an unregistered urban organization', () =>
    given([])
      .when(pairBranch({ urban: { id: 'o1', exists: false } }))
      .thenRefuses('ORGANIZATION_NOT_FOUND'));

  it('refuses an unregistered rural organization', () =>
    given([])
      .when(pairBranch({ rural: { id: 'v1', exists: false } }))
      .thenRefuses('ORGANIZATION_NOT_FOUND'));

  it('refuses an inactive urban organization', () =>
    given([])
      .when(pairBranch({ urban: urbanSummary({ status: 'inactive' }) }))
      .thenRefuses('ORGANIZATION_INACTIVE'));

  it('refuses an inactive rural organization', () =>
    given([])
      .when(pairBranch({ rural: ruralSummary({ status: 'inactive' }) }))
      .thenRefuses('ORGANIZATION_INACTIVE'));

  it('refuses a village on the urban side', () =>
    given([])
      .when(pairBranch({ urban: ruralSummary({ id: 'v2' }) }))
      .thenRefuses('NOT_AN_URBAN_ORGANIZATION'));

  it('seed 001: a township committee (乡镇党委) takes neither side of a pairing', () => {
    const township = {
      sector: 'township' as const,
      level: 'committee' as const,
      departmentKind: undefined,
    };
    given([])
      .when(pairBranch({ urban: urbanSummary({ id: 'town-1', ...township }) }))
      .thenRefuses('NOT_AN_URBAN_ORGANIZATION');
    given([])
      .when(pairBranch({ rural: ruralSummary({ id: 'town-1', ...township }) }))
      .thenRefuses('NOT_A_RURAL_ORGANIZATION');
  });

  it('refuses an organ on the rural side', () =>
    given([])
      .when(pairBranch({ rural: urbanSummary({ id: 'o2' }) }))
      .thenRefuses('NOT_A_RURAL_ORGANIZATION'));

  it('refuses a term that does not end after it starts', () =>
    given([])
      .when(pairBranch({ endsOn: '2025-01-01' }))
      .thenRefuses('INVALID_DATE_RANGE'));

  it('refuses a date that does not exist', () =>
    given([])
      .when(pairBranch({ endsOn: '2027-02-29' }))
      .thenRefuses('INVALID_DATE'));

  it('refuses negative committed funds', () =>
    given([])
      .when(pairBranch({ commitments: { fundsFen: -1, projects: 0, activists: 0 } }))
      .thenRefuses('INVALID_AMOUNT'));

  it('refuses a fractional committed count', () =>
    given([])
      .when(pairBranch({ commitments: { fundsFen: 0, projects: 0.5, activists: 0 } }))
      .thenRefuses('INVALID_COUNT'));

  it('refuses a contact leader without a name', () =>
    given([])
      .when(pairBranch({ contactLeader: { name: '', title: '部长' } }))
      .thenRefuses('INVALID_VALUE'));

  it('refuses a pairing that already exists', () =>
    given([branchPaired()]).when(pairBranch()).thenRefuses('PAIRING_ALREADY_EXISTS'));
});
