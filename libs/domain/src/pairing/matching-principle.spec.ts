import fc from 'fast-check';
import {
  DEPARTMENT_KINDS,
  SECTORS,
  URBAN_SECTORS,
  VILLAGE_CATEGORIES,
} from '../organization/organization.vocabulary';
import { ruralSummary, urbanSummary } from '../organization/organization.spec-fixtures';
import { DomainError } from '../shared/domain-error';
import {
  MATCHING_PRINCIPLE,
  checkMatchingPrinciple,
  requiredCategoryFor,
} from './matching-principle';
import { pairingDecider } from './pairing.decider';
import { pairBranch } from './pairing.spec-fixtures';

describe('matching principle', () => {
  it('is the published table', () =>
    expect(MATCHING_PRINCIPLE).toEqual({
      party_mass: 'weak_lax',
      political_legal: 'disorderly',
      economic: 'poor',
      agriculture: 'industry_demo',
    }));

  it('applies to organs and institutions only', () =>
    fc.assert(
      fc.property(
        fc.constantFrom(...SECTORS.filter((s) => s !== 'organ' && s !== 'institution')),
        fc.constantFrom(...DEPARTMENT_KINDS),
        (sector, departmentKind) =>
          expect(requiredCategoryFor({ sector, departmentKind })).toBeNull(),
      ),
    ));

  it('matches exactly when no category is required or the village carries it', () =>
    fc.assert(
      fc.property(
        fc.constantFrom(...DEPARTMENT_KINDS),
        fc.uniqueArray(fc.constantFrom(...VILLAGE_CATEGORIES)),
        (departmentKind, categories) => {
          const required = (MATCHING_PRINCIPLE as Record<string, string | undefined>)[
            departmentKind
          ];
          const check = checkMatchingPrinciple({ sector: 'organ', departmentKind }, { categories });
          expect(check.requiredCategory).toBe(required ?? null);
          expect(check.matched).toBe(
            required === undefined || categories.includes(required as never),
          );
        },
      ),
    ));

  it('PairBranch without an override is refused exactly on a mismatch', () =>
    fc.assert(
      fc.property(
        fc.constantFrom(...URBAN_SECTORS),
        fc.constantFrom(...DEPARTMENT_KINDS),
        fc.uniqueArray(fc.constantFrom(...VILLAGE_CATEGORIES)),
        (sector, kind, categories) => {
          const urban = urbanSummary({
            sector,
            departmentKind: sector === 'organ' ? kind : undefined,
          });
          const { matched } = checkMatchingPrinciple(urban, { categories });
          const command = pairBranch({ urban, rural: ruralSummary({ categories }) });
          let code: string | undefined;
          try {
            const [event] = pairingDecider.decide(command, pairingDecider.initialState());
            expect(event.type === 'BranchPaired' && event.data.principleMatched).toBe(true);
          } catch (e) {
            code = (e as DomainError).code;
          }
          expect(code).toBe(matched ? undefined : 'PRINCIPLE_MISMATCH');
        },
      ),
    ));
});

describe('the matching principle for institutions (issue 13 "Institutions")', () => {
  it('an agricultural institution (涉农事业单位) must pair with an industry demonstration village', () => {
    expect(
      checkMatchingPrinciple(
        { sector: 'institution', departmentKind: 'agriculture' },
        { categories: ['poor'] },
      ),
    ).toEqual({ requiredCategory: 'industry_demo', matched: false });
    expect(
      checkMatchingPrinciple(
        { sector: 'institution', departmentKind: 'agriculture' },
        { categories: ['industry_demo'] },
      ).matched,
    ).toBe(true);
  });

  it('an institution without a department kind falls under no principle', () =>
    expect(checkMatchingPrinciple({ sector: 'institution' }, { categories: [] })).toEqual({
      requiredCategory: null,
      matched: true,
    }));
});
