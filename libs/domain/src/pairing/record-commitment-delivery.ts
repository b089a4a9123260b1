import { DomainError } from '../shared/domain-error';
import {
  InputErrorCode,
  requireAmountFen,
  requireCount,
  requireDate,
  requireNotInFuture,
  requireOneOf,
  requireText,
} from '../organization/input.guards';
import { RecordCommitmentDelivery } from './pairing.commands';
import { CommitmentDelivered } from './pairing.events';
import { pairingRef, requirePairing } from './pairing.guards';
import { PairingState, deliveryKey } from './pairing.state';
import { DELIVERY_KINDS } from './pairing.vocabulary';

/**
 * Records something delivered against the agreement's commitments. Accepted in any status:
 * it records a fact established elsewhere (a disbursement, a project), which may come late.
 */
export function recordCommitmentDelivery(
  command: RecordCommitmentDelivery,
  state: PairingState,
): CommitmentDelivered[] {
  const { data, context } = command;
  const pairing = requirePairing(state, data.pairingId);
  const kind = requireOneOf(data.kind, DELIVERY_KINDS, 'kind');
  const ref = requireText(data.ref, 'ref');
  const on = requireDate(data.on, 'on');
  requireNotInFuture(on, context.today, 'on');
  let quantity:
    { kind: 'funds'; amountFen: number } | { kind: 'projects' | 'activists'; count: number };
  if (kind === 'funds') {
    forbid(data.count, 'count', kind);
    quantity = { kind, amountFen: requireAmountFen(data.amountFen, 'amountFen') };
  } else {
    forbid(data.amountFen, 'amountFen', kind);
    quantity = { kind, count: requireCount(data.count, 'count', true) };
  }
  if (pairing.deliveryRefs[deliveryKey(kind, ref)]) return [];
  return [{ type: 'CommitmentDelivered', data: { ...pairingRef(pairing), ref, on, ...quantity } }];
}

function forbid(value: unknown, field: string, kind: string): void {
  if (value !== undefined) {
    throw new DomainError(InputErrorCode.INVALID_VALUE, `${field} does not apply to ${kind}`, {
      field,
      kind,
    });
  }
}
