import { MemberEvent } from './member.events';

/** The organizations a member event concerns (audit filter `organizationId`). */
export function organizationIdsOfMemberEvent(event: MemberEvent): string[] {
  const data: {
    organizationId: string;
    partnerOrganizationId?: string;
    fromOrganizationId?: string;
  } = event.data;
  return [data.organizationId, data.partnerOrganizationId, data.fromOrganizationId].filter(
    (id, i, all): id is string => id !== undefined && all.indexOf(id) === i,
  );
}
