import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';
import { MEMBER_EVENT_STEPS } from '@gongjian/domain';
import type {
  DocumentRef,
  ProjectionContext,
  ReadModelProjection,
} from '../../projection.definition';
import { skippingApplied } from '../shared/position-guard';
import {
  businessDateOf,
  COUNTED_FIELDS,
  COUNTED_STAGES,
  MemberPlace,
  placeAfter,
} from './member-stage-change';

export const MEMBER_STATISTICS = 'member_statistics';
/** Each member's stage and organization, and where it was before its latest event. */
export const STATISTICS_MEMBERS = 'statistics_members';
export const STATISTICS_ORGANIZATIONS = 'statistics_organizations';

export const memberStatisticsId = (organizationId: string, year: number) =>
  `${organizationId}:${year}`;

const STREAM_PREFIX = 'member-';
const TYPES: ReadonlySet<string> = new Set(Object.keys(MEMBER_EVENT_STEPS));

/**
 * Per organization × year, by business date: the net change of the number of members in each
 * stage (applicants, activists, development targets, probationary, full members) and `admitted`,
 * those admitted as probationary members that year. The stage counts at the end of year Y are
 * the sum of the rows of years ≤ Y (a find plus a small sum); without a year, of every row.
 */
export const memberStatisticsProjection: ReadModelProjection = {
  name: 'member-statistics',
  version: 1,
  collections: {
    [MEMBER_STATISTICS]: [
      {
        fields: [
          ['organizationId', 1],
          ['year', 1],
        ],
      },
      {
        fields: [
          ['township', 1],
          ['year', 1],
        ],
      },
      { fields: [['year', 1]] },
    ],
    [STATISTICS_MEMBERS]: [],
    [STATISTICS_ORGANIZATIONS]: [],
  },
  touches(event) {
    const data = event.data as {
      organizationId: string;
      memberId: string;
      fromOrganizationId?: string;
    };
    if (event.type === 'OrganizationRegistered') {
      return [{ collection: STATISTICS_ORGANIZATIONS, id: data.organizationId }];
    }
    if (!event.streamId.startsWith(STREAM_PREFIX) || !TYPES.has(event.type)) return [];
    const year = Number(businessDateOf(event).slice(0, 4));
    const organizations = [data.organizationId];
    if (data.fromOrganizationId !== undefined && data.fromOrganizationId !== data.organizationId) {
      organizations.push(data.fromOrganizationId);
    }
    return [
      { collection: STATISTICS_MEMBERS, id: event.streamId.slice(STREAM_PREFIX.length) },
      ...organizations.map((id) => ({
        collection: MEMBER_STATISTICS,
        id: memberStatisticsId(id, year),
      })),
    ];
  },
  reads(event): DocumentRef[] {
    if (!event.streamId.startsWith(STREAM_PREFIX) || !TYPES.has(event.type)) return [];
    return [
      { collection: STATISTICS_MEMBERS, id: event.streamId.slice(STREAM_PREFIX.length) },
      {
        collection: STATISTICS_ORGANIZATIONS,
        id: (event.data as { organizationId: string }).organizationId,
      },
    ];
  },
  apply: skippingApplied((current, event, ref, context) => {
    if (ref.collection === STATISTICS_ORGANIZATIONS) {
      const { township } = event.data as { township: string };
      return { _id: ref.id, _pos: event.position, township };
    }
    const memberId = event.streamId.slice(STREAM_PREFIX.length);
    if (ref.collection === STATISTICS_MEMBERS) {
      const before = current as unknown as MemberPlace | undefined;
      const previous = before
        ? { stage: before.stage, organizationId: before.organizationId }
        : null;
      return { _id: memberId, _pos: event.position, ...placeAfter(before, event), previous };
    }
    return statisticsRow(current, event, ref.id, context, memberId);
  }),
};

/** The member's place before this event, whether or not its tracking document was updated yet. */
function placeBefore(
  context: ProjectionContext,
  memberId: string,
  event: RecordedEvent,
): MemberPlace | undefined {
  const tracked = context.get({ collection: STATISTICS_MEMBERS, id: memberId });
  if (tracked === undefined) return undefined;
  if (tracked._pos === event.position) return (tracked.previous as MemberPlace | null) ?? undefined;
  return { stage: tracked.stage as string, organizationId: tracked.organizationId as string };
}

function statisticsRow(
  current: ReadDocument | undefined,
  event: RecordedEvent,
  id: string,
  context: ProjectionContext,
  memberId: string,
): ReadDocument {
  const separator = id.lastIndexOf(':');
  const organizationId = id.slice(0, separator);
  const year = Number(id.slice(separator + 1));
  const row: ReadDocument = current
    ? { ...current }
    : {
        _id: id,
        _pos: '',
        organizationId,
        year,
        admitted: 0,
        ...Object.fromEntries(COUNTED_FIELDS.map((field) => [field, 0])),
      };
  row._pos = event.position;
  if (row.township === undefined) {
    const organization = context.get({ collection: STATISTICS_ORGANIZATIONS, id: organizationId });
    if (organization) row.township = organization.township;
  }
  const before = placeBefore(context, memberId, event);
  const after = placeAfter(before, event);
  const count = (place: MemberPlace | undefined, delta: number) => {
    const field = place && COUNTED_STAGES[place.stage as keyof typeof COUNTED_STAGES];
    if (field && place.organizationId === organizationId) {
      row[field] = (row[field] as number) + delta;
    }
  };
  if (before?.stage !== after.stage || before?.organizationId !== after.organizationId) {
    count(before, -1);
    count(after, +1);
  }
  if (event.type === 'AdmissionApproved' && after.organizationId === organizationId) {
    row.admitted = (row.admitted as number) + 1;
  }
  return row;
}
