/** Code names from GLOSSARY.md. */

/** 党委 / 党总支 / 党支部 / 党工委 */
export const ORGANIZATION_LEVELS = [
  'committee',
  'general_branch',
  'branch',
  'working_committee',
] as const;
export type OrganizationLevel = (typeof ORGANIZATION_LEVELS)[number];

/**
 * 机关 / 事业单位 / 企业 / 农村 / 社区 / 两新组织 / 学校 / 医院 / 乡镇 (`township`: a township
 * Party committee 乡镇党委, the parent of its village and community branches, neither side of
 * a pairing).
 */
export const SECTORS = [
  'organ',
  'institution',
  'enterprise',
  'village',
  'community',
  'new_economic_social',
  'school',
  'hospital',
  'township',
] as const;
export type Sector = (typeof SECTORS)[number];

/** Sectors whose organizations take the urban side of a pairing. */
export const URBAN_SECTORS = [
  'organ',
  'institution',
  'enterprise',
  'school',
  'hospital',
  'new_economic_social',
] as const satisfies readonly Sector[];
export type UrbanSector = (typeof URBAN_SECTORS)[number];

/** Sectors whose organizations take the rural side of a pairing (and carry village data). */
export const RURAL_SECTORS = ['village', 'community'] as const satisfies readonly Sector[];
export type RuralSector = (typeof RURAL_SECTORS)[number];

/** Where 党建指导员 are dispatched: villages, communities and 两新 organizations (seeds 000, 004). */
export const INSTRUCTOR_SECTORS = [
  'village',
  'community',
  'new_economic_social',
] as const satisfies readonly Sector[];

export const isUrbanSector = (sector: Sector): sector is UrbanSector =>
  (URBAN_SECTORS as readonly Sector[]).includes(sector);
export const isRuralSector = (sector: Sector): sector is RuralSector =>
  (RURAL_SECTORS as readonly Sector[]).includes(sector);

/**
 * 党群 / 政法 / 经济 / 涉农 / other: organs (机关) must have one; institutions (事业单位, e.g. an
 * agricultural extension centre under the 涉农 bureau) may; no other sector has one.
 */
export const DEPARTMENT_KINDS = [
  'party_mass',
  'political_legal',
  'economic',
  'agriculture',
  'other',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** Sectors whose organizations belong to a government department and so may name its kind. */
export const DEPARTMENT_SECTORS = ['organ', 'institution'] as const satisfies readonly Sector[];
export const hasDepartment = (sector: Sector): boolean =>
  (DEPARTMENT_SECTORS as readonly Sector[]).includes(sector);

/** 软弱涣散 / 乱村 / 贫困 / 产业示范 / 空壳村 / 环境脏乱 / 革命老区 */
export const VILLAGE_CATEGORIES = [
  'weak_lax',
  'disorderly',
  'poor',
  'industry_demo',
  'hollow_economy',
  'dirty_environment',
  'old_revolutionary_base',
] as const;
export type VillageCategory = (typeof VILLAGE_CATEGORIES)[number];

export type OrganizationStatus = 'active' | 'inactive';
