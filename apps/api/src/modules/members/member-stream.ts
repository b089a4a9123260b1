import { Member, memberDecider, NotFoundError } from '@gongjian/domain';
import { assertInScope } from '../../http/auth/township-scope';
import { loadOrganization } from '../organizations/known-organization';
import { DecisionRunner } from '@gongjian/write-side';

/** Stream of one person's development procedure (DESIGN.md: `member-<id>`). */
export const memberStreamId = (memberId: string): string => `member-${memberId}`;

/**
 * A member and its stream revision, or 404; 403 when an operator's townships do not include the
 * township of the member's (lead) organization.
 */
export async function loadMemberInScope(
  runner: DecisionRunner,
  memberId: string,
  actor: { role: string; townships: string[] },
): Promise<{ member: Member; revision: number }> {
  const { state, revision } = await runner.load(memberStreamId(memberId), memberDecider);
  if (state.stage === 'none') throw new NotFoundError('member', memberId);
  if (actor.role === 'operator') {
    const organization = await loadOrganization(runner, state.organizationId);
    assertInScope(actor, organization.township);
  }
  return { member: state, revision };
}
