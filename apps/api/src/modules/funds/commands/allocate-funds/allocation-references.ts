import {
  fundsError,
  NotFoundError,
  organizationDecider,
  organizationStreamId,
  pairingDecider,
  pairingNotFound,
  pairingStreamId,
  projectDecider,
  projectNotFound,
  projectStreamId,
  PairingSummary,
  summarizeOrganization,
  summarizePairing,
} from '@gongjian/domain';
import { DecisionSession } from '@gongjian/write-side';
import { assertInScope } from '../../../../http/auth/township-scope';
import { assertPairingInScope } from '../../../pairings/pairing-scope';

type ScopedActor = { role: string; townships: string[] };

/**
 * What an allocation names besides its budget, checked on the states of the same decision:
 * the recipient (404, 403 outside the operator's townships, 422 RECIPIENT_INACTIVE once
 * deactivated), the pairing and the project (404 when unknown, 403 when their village lies
 * outside the operator's townships; a project of another pairing than the one named: 422).
 * Answers the pairing (named, or the project's) for the allocation decider to check.
 */
export async function allocationReferences(
  session: DecisionSession,
  body: { recipientOrganizationId: string; pairingId?: string; projectId?: string },
  actor: ScopedActor,
) {
  const recipientState = await session.state(
    organizationStreamId(body.recipientOrganizationId),
    organizationDecider,
  );
  const recipient = summarizeOrganization(body.recipientOrganizationId, recipientState);
  if (!recipient.exists) throw new NotFoundError('organization', body.recipientOrganizationId);
  assertInScope(actor, recipient.township);
  if (recipient.status !== 'active') {
    throw fundsError('RECIPIENT_INACTIVE', `organization ${recipient.id} is deactivated`, {
      recipientOrganizationId: recipient.id,
    });
  }

  let pairingId = body.pairingId;
  if (body.projectId !== undefined) {
    const project = await session.state(projectStreamId(body.projectId), projectDecider);
    if (!project.exists) throw projectNotFound(body.projectId);
    if (pairingId !== undefined && project.pairingId !== pairingId) {
      throw fundsError(
        'ALLOCATION_PROJECT_PAIRING_MISMATCH',
        `project ${body.projectId} belongs to pairing ${project.pairingId}, not ${pairingId}`,
        { projectId: body.projectId, projectPairingId: project.pairingId, pairingId },
      );
    }
    pairingId = project.pairingId;
  }
  let pairing: PairingSummary | undefined;
  if (pairingId !== undefined) {
    const state = await session.state(pairingStreamId(pairingId), pairingDecider);
    if (!state.exists) throw pairingNotFound(pairingId);
    assertPairingInScope(actor, state);
    pairing = summarizePairing(pairingId, state);
  }
  return { recipient, pairing };
}
