import {
  DepartmentKind,
  hasDepartment,
  Sector,
  VillageCategory,
} from '../organization/organization.vocabulary';

/**
 * 党群部门联软村, 政法部门联乱村, 经济部门联穷村, 涉农部门联产业示范村.
 * Organs (机关) and institutions (事业单位) of these four department kinds fall under the
 * principle; every other urban organization (and those of kind `other` or without a kind) may
 * pair with any village or community.
 */
export const MATCHING_PRINCIPLE = {
  party_mass: 'weak_lax',
  political_legal: 'disorderly',
  economic: 'poor',
  agriculture: 'industry_demo',
} as const satisfies Partial<Record<DepartmentKind, VillageCategory>>;

export interface PrincipleCheck {
  /** The category the rural organization must carry, or null when no principle applies. */
  requiredCategory: VillageCategory | null;
  matched: boolean;
}

export function requiredCategoryFor(urban: {
  sector: Sector;
  departmentKind?: DepartmentKind;
}): VillageCategory | null {
  if (!hasDepartment(urban.sector) || urban.departmentKind === undefined) return null;
  return (
    (MATCHING_PRINCIPLE as Partial<Record<DepartmentKind, VillageCategory>>)[
      urban.departmentKind
    ] ?? null
  );
}

export function checkMatchingPrinciple(
  urban: { sector: Sector; departmentKind?: DepartmentKind },
  rural: { categories: readonly VillageCategory[] },
): PrincipleCheck {
  const requiredCategory = requiredCategoryFor(urban);
  return {
    requiredCategory,
    matched: requiredCategory === null || rural.categories.includes(requiredCategory),
  };
}
