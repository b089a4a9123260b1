import {
  Pairing,
  PairingCommand,
  pairingDecider,
  pairingNotFound,
  PairingState,
  pairingStreamId,
} from '@gongjian/domain';
import {
  CommandMetadata,
  CommandResult,
  DecisionRunner,
  domainCommand,
} from '@gongjian/write-side';
import { assertPairingInScope } from '../pairing-scope';

/** The pairing, or 404; 403 when its rural organization's township is outside the operator's scope. */
export function requireScopedPairing(
  state: PairingState,
  pairingId: string,
  actor: { role: string; townships: string[] },
): Pairing {
  if (!state.exists) throw pairingNotFound(pairingId);
  assertPairingInScope(actor, state);
  return state;
}

/** A command on an existing pairing's stream, decided on its current state. */
export function changePairing<C extends PairingCommand>(
  runner: DecisionRunner,
  pairingId: string,
  type: C['type'],
  data: C['data'],
  metadata: CommandMetadata,
  options: { occurredAt?: string; ignoreIfMatch?: boolean } = {},
): Promise<CommandResult> {
  return runner.run({
    id: pairingId,
    streamId: pairingStreamId(pairingId),
    decider: pairingDecider,
    metadata,
    ...options,
    command: (state) => {
      requireScopedPairing(state, pairingId, metadata.actor);
      return domainCommand<C>(type, data, metadata);
    },
  });
}
