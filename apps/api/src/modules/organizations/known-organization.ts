import {
  NotFoundError,
  OrganizationSummary,
  organizationDecider,
  organizationStreamId,
  summarizeOrganization,
} from '@gongjian/domain';
import { DecisionRunner, DecisionSession } from '@gongjian/write-side';

export type KnownOrganization = Extract<OrganizationSummary, { exists: true }>;

/** A registered organization, or 404: for commands of other contexts that name one. */
export async function loadOrganization(
  runner: DecisionRunner,
  organizationId: string,
): Promise<KnownOrganization> {
  const { state } = await runner.load(organizationStreamId(organizationId), organizationDecider);
  const summary = summarizeOrganization(organizationId, state);
  if (!summary.exists) throw new NotFoundError('organization', organizationId);
  return summary;
}

/** The same, read inside a decision, so that its state is part of what the decision read. */
export async function knownOrganizationIn(
  session: DecisionSession,
  organizationId: string,
): Promise<KnownOrganization> {
  const state = await session.state(organizationStreamId(organizationId), organizationDecider);
  const summary = summarizeOrganization(organizationId, state);
  if (!summary.exists) throw new NotFoundError('organization', organizationId);
  return summary;
}
