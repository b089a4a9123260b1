import { DecisionSession } from '@gongjian/write-side';
import { assertInScope } from '../../../http/auth/township-scope';
import { knownOrganizationIn } from '../../organizations/known-organization';

type ScopedActor = { role: string; townships: string[] };

/**
 * An organization a funds command concerns (the recipient, a budget's issuer), checked inside the
 * decision on the state it reads: 404 when unknown, 403 when an operator's townships do not
 * include it. Other roles that reach a command are not restricted by township, so the lookup is
 * only made for operators.
 */
export async function assertOrganizationInScope(
  session: DecisionSession,
  organizationId: string,
  actor: ScopedActor,
): Promise<void> {
  if (actor.role !== 'operator') return;
  assertInScope(actor, (await knownOrganizationIn(session, organizationId)).township);
}
