import { compact, requireOneOf, requireText } from './input.guards';
import { RegisterOrganization } from './organization.commands';
import {
  departmentKindNotApplicable,
  departmentKindRequired,
  invalidParent,
  organizationAlreadyRegistered,
  organizationError,
} from './organization.errors';
import { OrganizationRegistered } from './organization.events';
import { OrganizationState } from './organization.state';
import {
  DEPARTMENT_KINDS,
  DepartmentKind,
  hasDepartment,
  ORGANIZATION_LEVELS,
  SECTORS,
} from './organization.vocabulary';

export function registerOrganization(
  command: RegisterOrganization,
  state: OrganizationState,
): OrganizationRegistered[] {
  const { data } = command;
  const id = requireText(data.id, 'id');
  if (state.exists) throw organizationAlreadyRegistered(id);
  const sector = requireOneOf(data.sector, SECTORS, 'sector');
  const level = requireOneOf(data.level, ORGANIZATION_LEVELS, 'level');
  let departmentKind: DepartmentKind | undefined;
  if (sector === 'organ' && data.departmentKind === undefined) throw departmentKindRequired();
  if (data.departmentKind !== undefined) {
    if (!hasDepartment(sector)) throw departmentKindNotApplicable(sector);
    departmentKind = requireOneOf(data.departmentKind, DEPARTMENT_KINDS, 'departmentKind');
  }
  if (sector === 'township' && level !== 'committee') {
    throw organizationError(
      'LEVEL_NOT_APPLICABLE',
      `a township organization is a Party committee (乡镇党委), not a ${level}`,
      { field: 'level', sector, level },
    );
  }
  const township = requireText(data.township, 'township');
  if (data.parentId !== undefined) {
    requireText(data.parentId, 'parentId');
    if (data.parentId === id) throw invalidParent(id);
    if (data.parent?.sector === 'township' && data.parent.township !== township) {
      throw organizationError(
        'PARENT_TOWNSHIP_MISMATCH',
        `${data.parentId} is the committee of township ${data.parent.township}, not of ${township}`,
        {
          field: 'parentId',
          parentId: data.parentId,
          parentTownship: data.parent.township,
          township,
        },
      );
    }
  }
  return [
    {
      type: 'OrganizationRegistered',
      data: compact({
        organizationId: id,
        name: requireText(data.name, 'name'),
        level,
        sector,
        departmentKind,
        township,
        parentId: data.parentId,
      }),
    },
  ];
}
