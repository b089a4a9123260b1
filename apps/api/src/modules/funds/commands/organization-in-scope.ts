import {
  NotFoundError,
  OrganizationSummary,
  organizationDecider,
  organizationStreamId,
  summarizeOrganization,
} from '@gongjian/domain';
import { assertInScope } from '../../../http/auth/township-scope';
import { DecisionRunner } from '../../../write-side/decision-runner';

export type KnownOrganization = Extract<OrganizationSummary, { exists: true }>;

/** A registered organization, or 404. */
export async function loadOrganization(
  runner: DecisionRunner,
  organizationId: string,
): Promise<KnownOrganization> {
  const { state } = await runner.load(organizationStreamId(organizationId), organizationDecider);
  const summary = summarizeOrganization(organizationId, state);
  if (!summary.exists) throw new NotFoundError('organization', organizationId);
  return summary;
}

/**
 * The organization a funds command concerns (the recipient): 404 when unknown, 403 when an
 * operator's townships do not include it. Other roles that reach a command are not restricted
 * by township, so the lookup is only made for operators.
 */
export async function assertOrganizationInScope(
  runner: DecisionRunner,
  organizationId: string,
  actor: { role: string; townships: string[] },
): Promise<void> {
  if (actor.role !== 'operator') return;
  const organization = await loadOrganization(runner, organizationId);
  assertInScope(actor, organization.township);
}
