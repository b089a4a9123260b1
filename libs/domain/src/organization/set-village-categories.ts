import { requireArray, requireOneOf, requireText } from './input.guards';
import { SetVillageCategories } from './organization.commands';
import { VillageCategoriesSet } from './organization.events';
import { requireActive, requireRegistered, requireRuralSector } from './organization.guards';
import { OrganizationState } from './organization.state';
import { VILLAGE_CATEGORIES, VillageCategory } from './organization.vocabulary';

/** Replaces the category set; the same set again is a no-op. */
export function setVillageCategories(
  command: SetVillageCategories,
  state: OrganizationState,
): VillageCategoriesSet[] {
  const { data } = command;
  const organization = requireRegistered(state, data.organizationId);
  requireRuralSector(organization, command.type);
  requireActive(organization);
  const categories = canonical(
    requireArray(data.categories, 'categories').map((c, i) =>
      requireOneOf(c, VILLAGE_CATEGORIES, `categories[${i}]`),
    ),
  );
  const reason = requireText(data.reason, 'reason');
  const previous = organization.categories;
  const added = categories.filter((c) => !previous.includes(c));
  const removed = previous.filter((c) => !categories.includes(c));
  if (added.length === 0 && removed.length === 0) return [];
  return [
    {
      type: 'VillageCategoriesSet',
      data: {
        organizationId: organization.id,
        categories,
        previousCategories: [...previous],
        added,
        removed,
        reason,
      },
    },
  ];
}

/** Deduplicated, in the glossary's order. */
function canonical(categories: VillageCategory[]): VillageCategory[] {
  return VILLAGE_CATEGORIES.filter((c) => categories.includes(c));
}
