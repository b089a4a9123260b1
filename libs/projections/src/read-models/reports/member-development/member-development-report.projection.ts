import type {
  MemberCountRecordedData,
  MembershipApplied,
  MemberTransferred,
  OrganizationRegisteredData,
} from '@gongjian/domain';
import type { RecordedEvent } from '@gongjian/event-store';
import type { ReadDocument } from '@gongjian/read-store';
import type {
  DocumentRef,
  ProjectionContext,
  ReadModelProjection,
} from '../../../projection.definition';
import { alreadyApplied, dataOf } from '../report-event';

export const MEMBER_DEVELOPMENT_REPORT_PROJECTION = 'report_member_development';
export const MEMBER_DEVELOPMENT_REPORT_COLLECTION = 'report_member_organizations';

/** The dates a member reached each stage; no personal data beyond the migrant-worker flag. */
export interface MemberDates {
  appliedOn: string;
  activistOn?: string;
  targetOn?: string;
  admittedOn?: string;
  fullOn?: string;
  endedOn?: string;
  migrant: boolean;
  /** Transferred in on this date (the dates before it were reached elsewhere). */
  joinedOn?: string;
  /** Transferred out on this date. */
  leftOn?: string;
}

/** One organization: its members in the development procedure and its yearly member counts. */
export interface MemberOrganizationReportDocument extends ReadDocument {
  township: string;
  memberCounts: Record<string, number>;
  members: Record<string, MemberDates>;
}

/** Which date each step sets (the stage it moves the member into). */
const STAGE_DATES: Record<string, keyof MemberDates> = {
  ActivistDesignated: 'activistOn',
  DevelopmentTargetDesignated: 'targetOn',
  AdmissionApproved: 'admittedOn',
  FullMembershipGranted: 'fullOn',
  FullMembershipApproved: 'fullOn',
  MembershipWithdrawn: 'endedOn',
  MembershipRejected: 'endedOn',
  ProbationCancelled: 'endedOn',
};

const ref = (id: unknown): DocumentRef => ({
  collection: MEMBER_DEVELOPMENT_REPORT_COLLECTION,
  id: String(id),
});

export const memberDevelopmentReportProjection: ReadModelProjection = {
  name: MEMBER_DEVELOPMENT_REPORT_PROJECTION,
  version: 1,
  collections: { [MEMBER_DEVELOPMENT_REPORT_COLLECTION]: [{ fields: [['township', 1]] }] },
  touches(event) {
    if (event.type === 'MemberTransferred') {
      const d = dataOf<MemberTransferred['data']>(event);
      return [ref(d.fromOrganizationId), ref(d.toOrganizationId)];
    }
    const relevant =
      event.type === 'OrganizationRegistered' ||
      event.type === 'MemberCountRecorded' ||
      event.type === 'MembershipApplied' ||
      event.type in STAGE_DATES;
    return relevant ? [ref(event.data.organizationId)] : [];
  },
  apply(current, event, target, context) {
    if (alreadyApplied(current, event)) return current as ReadDocument;
    if (event.type === 'OrganizationRegistered') {
      const d = dataOf<OrganizationRegisteredData>(event);
      const doc: MemberOrganizationReportDocument = {
        _id: d.organizationId,
        _pos: event.position,
        township: d.township,
        memberCounts: {},
        members: {},
      };
      return doc;
    }
    if (!current) return null;
    const doc = current as MemberOrganizationReportDocument;
    if (event.type === 'MemberCountRecorded') {
      const d = dataOf<MemberCountRecordedData>(event);
      return {
        ...doc,
        _pos: event.position,
        memberCounts: { ...doc.memberCounts, [d.year]: d.count },
      };
    }
    return { ...doc, _pos: event.position, members: nextMembers(doc, event, target, context) };
  },
};

function nextMembers(
  doc: MemberOrganizationReportDocument,
  event: RecordedEvent,
  target: DocumentRef,
  context: ProjectionContext,
): Record<string, MemberDates> {
  const memberId = String(event.data.memberId);
  if (event.type === 'MembershipApplied') {
    const d = dataOf<MembershipApplied['data']>(event);
    const dates: MemberDates = { appliedOn: d.appliedOn, migrant: d.person.migrantWorker === true };
    return { ...doc.members, [memberId]: dates };
  }
  if (event.type === 'MemberTransferred') {
    const d = dataOf<MemberTransferred['data']>(event);
    if (target.id === d.fromOrganizationId) {
      const dates = doc.members[memberId];
      return dates ? { ...doc.members, [memberId]: { ...dates, leftOn: d.on } } : doc.members;
    }
    const from = context.get(ref(d.fromOrganizationId)) as
      MemberOrganizationReportDocument | undefined;
    const before = from?.members[memberId];
    if (!before) return doc.members;
    const { leftOn: _left, joinedOn: _joined, ...dates } = before;
    return { ...doc.members, [memberId]: { ...dates, joinedOn: d.on } };
  }
  const field = STAGE_DATES[event.type];
  const dates = doc.members[memberId];
  if (!field || !dates) return doc.members;
  return { ...doc.members, [memberId]: { ...dates, [field]: String(event.data.on) } };
}
