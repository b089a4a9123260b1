import { OrganizationState } from './organization.state';
import {
  DepartmentKind,
  OrganizationLevel,
  OrganizationStatus,
  Sector,
  VillageCategory,
} from './organization.vocabulary';

/**
 * What another context's decider needs to know about an organization. Command handlers build it
 * with `summarizeOrganization(id, fold(organizationDecider, events))` and pass it in the command.
 */
export type OrganizationSummary =
  | { id: string; exists: false }
  | {
      id: string;
      exists: true;
      name: string;
      level: OrganizationLevel;
      sector: Sector;
      departmentKind?: DepartmentKind;
      township: string;
      status: OrganizationStatus;
      categories: VillageCategory[];
    };

export function summarizeOrganization(id: string, state: OrganizationState): OrganizationSummary {
  if (!state.exists) return { id, exists: false };
  return {
    id: state.id,
    exists: true,
    name: state.name,
    level: state.level,
    sector: state.sector,
    ...(state.departmentKind === undefined ? {} : { departmentKind: state.departmentKind }),
    township: state.township,
    status: state.status,
    categories: [...state.categories],
  };
}
