import { assertInScope } from '../../../http/auth/township-scope';
import { loadOrganization } from '../../organizations/known-organization';
import { DecisionRunner } from '@gongjian/write-side';

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
