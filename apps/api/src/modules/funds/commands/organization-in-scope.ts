import {
  NotFoundError,
  organizationDecider,
  organizationStreamId,
  summarizeOrganization,
} from '@gongjian/domain';
import { DecisionSession } from '@gongjian/write-side';
import { assertInScope } from '../../../http/auth/township-scope';

type ScopedActor = { role: string; townships: string[] };

/**
 * The organization a funds command concerns (the recipient), checked inside the decision on the
 * state it reads: 404 when unknown, 403 when an operator's townships do not include it. Other
 * roles that reach a command are not restricted by township, so the lookup is only made for
 * operators.
 */
export async function assertRecipientInScope(
  session: DecisionSession,
  organizationId: string,
  actor: ScopedActor,
): Promise<void> {
  if (actor.role !== 'operator') return;
  const state = await session.state(organizationStreamId(organizationId), organizationDecider);
  const organization = summarizeOrganization(organizationId, state);
  if (!organization.exists) throw new NotFoundError('organization', organizationId);
  assertInScope(actor, organization.township);
}
