import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';
import {
  ORGANIZATION_EVENT_TYPES,
  organizationDecider,
  OrganizationEvent,
  OrganizationState,
  RegisteredOrganization,
  VILLAGE_CATEGORIES,
} from '@gongjian/domain';
import type { ReadModelProjection } from '../../projection.definition';
import { skippingApplied } from '../shared/position-guard';
import { carriedRating, isOrganizationRatingEvent, withRatingEvent } from './organization-rating';

export const ORGANIZATIONS = 'organizations';

const STREAM_PREFIX = 'organization-';
const TYPES: ReadonlySet<string> = new Set(ORGANIZATION_EVENT_TYPES);

/**
 * One document per organization: the Organization read shape (API.md) plus the decision state it
 * is folded from (`state`), so each event is applied by the domain's own evolve. Village
 * categories are also kept as flags (`categoryFlags.<category>: true`) for equality filters.
 * The current star rating (`rating`, filter `rating.stars`) follows the `rating-<id>` stream.
 */
export const organizationsProjection: ReadModelProjection = {
  name: 'organizations',
  version: 2,
  collections: {
    [ORGANIZATIONS]: [
      {
        fields: [
          ['township', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['sector', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['township', 1],
          ['sector', 1],
          ['_id', 1],
        ],
      },
      {
        fields: [
          ['rating.stars', 1],
          ['_id', 1],
        ],
      },
      ...VILLAGE_CATEGORIES.map((category) => ({
        fields: [
          [`categoryFlags.${category}`, 1],
          ['_id', 1],
        ] as const,
      })),
    ],
  },
  touches: (event) => {
    if (event.streamId.startsWith(STREAM_PREFIX) && TYPES.has(event.type))
      return [{ collection: ORGANIZATIONS, id: event.streamId.slice(STREAM_PREFIX.length) }];
    if (isOrganizationRatingEvent(event))
      return [{ collection: ORGANIZATIONS, id: String(event.data.organizationId) }];
    return [];
  },
  apply: skippingApplied((current, event) => {
    if (isOrganizationRatingEvent(event))
      return current === undefined ? null : withRatingEvent(current, event);
    const before = (current?.state as OrganizationState | undefined) ?? { exists: false };
    const state = organizationDecider.evolve(before, {
      type: event.type,
      data: event.data,
    } as OrganizationEvent);
    return state.exists
      ? { ...organizationDocument(state, event), ...carriedRating(current) }
      : null;
  }),
};

function organizationDocument(s: RegisteredOrganization, event: RecordedEvent): ReadDocument {
  const incomeYears = Object.keys(s.collectiveIncome)
    .map(Number)
    .sort((a, b) => b - a);
  return {
    _id: s.id,
    _pos: event.position,
    revision: event.revision,
    id: s.id,
    name: s.name,
    level: s.level,
    sector: s.sector,
    ...(s.departmentKind !== undefined && { departmentKind: s.departmentKind }),
    township: s.township,
    ...(s.parentId !== undefined && { parentId: s.parentId }),
    status: s.status,
    ...(s.deactivatedOn !== undefined && { deactivatedOn: s.deactivatedOn }),
    categories: s.categories,
    categoryFlags: Object.fromEntries(s.categories.map((c) => [c, true])),
    ...(incomeYears.length > 0 && {
      collectiveIncome: { year: incomeYears[0], amountFen: s.collectiveIncome[incomeYears[0]] },
    }),
    memberCounts: Object.entries(s.memberCounts)
      .map(([year, c]) => ({ year: Number(year), ...c }))
      .sort((a, b) => a.year - b.year),
    ...(s.firstSecretary !== undefined && { firstSecretary: s.firstSecretary }),
    workTeams: Object.values(s.workTeams ?? {}),
    instructors: Object.values(s.instructors ?? {}),
    activePairingIds: Object.keys(s.pairingLinks).sort(),
    state: s,
  };
}
