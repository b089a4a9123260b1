import {
  allocationDecider,
  budgetDecider,
  DomainEvent,
  Folding,
  memberDecider,
  organizationDecider,
  pairingDecider,
  projectDecider,
} from '@gongjian/domain';

/**
 * The write side's own folds, by stream prefix (DESIGN.md, Domain: streams), so that a replay
 * gives the state a command would have been decided on, never a second interpretation.
 */
const FOLDINGS: ReadonlyArray<readonly [prefix: string, folding: Folding<unknown, DomainEvent>]> = [
  ['organization-', organizationDecider as unknown as Folding<unknown, DomainEvent>],
  ['pairing-', pairingDecider as unknown as Folding<unknown, DomainEvent>],
  ['project-', projectDecider as unknown as Folding<unknown, DomainEvent>],
  ['budget-', budgetDecider as unknown as Folding<unknown, DomainEvent>],
  ['allocation-', allocationDecider as unknown as Folding<unknown, DomainEvent>],
  ['member-', memberDecider as unknown as Folding<unknown, DomainEvent>],
];

export function foldingFor(streamId: string): Folding<unknown, DomainEvent> | undefined {
  return FOLDINGS.find(([prefix]) => streamId.startsWith(prefix))?.[1];
}

export const FOLDED_STREAM_PREFIXES = FOLDINGS.map(([prefix]) => prefix);
