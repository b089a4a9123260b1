import { ApprovalAuthority } from './member.commands';
import { MemberStep } from './member.steps';
import { membershipError } from './membership.errors';
import { requireText } from './member.guards';

/**
 * `by` must be the Party committee with authority over the member's branch (its parent 党委,
 * as the handler found it in the organization tree). No committee found is a refusal, not a
 * guess.
 */
export function requireAuthority(
  step: MemberStep,
  data: { by: string } & ApprovalAuthority,
  organizationId: string,
): void {
  requireText('by', data.by);
  const { by, authorizedCommitteeId } = data;
  if (authorizedCommitteeId === undefined) {
    throw membershipError(
      'APPROVAL_AUTHORITY_INVALID',
      `organization ${organizationId} has no Party committee above it to ${step}`,
      { step, by, organizationId },
    );
  }
  if (by !== authorizedCommitteeId) {
    throw membershipError(
      'APPROVAL_AUTHORITY_INVALID',
      `${by} has no authority over ${organizationId}: its Party committee is ${authorizedCommitteeId}`,
      { step, by, organizationId, authorizedCommitteeId },
    );
  }
}
