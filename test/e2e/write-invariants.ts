import {
  allocationDecider,
  budgetDecider,
  Decider,
  DomainEvent,
  fold,
  organizationDecider,
  pairingDecider,
} from '@gongjian/domain';
import { EventStore, RecordedEvent } from '@gongjian/event-store';
import { upcast } from '@gongjian/write-side';

/**
 * The invariants multi-stream commands keep, read from the streams themselves: every link a
 * village holds names a pairing that exists (and every pairing is linked on its village), every
 * budget's reserved amount equals the sum of its allocations, and every reduction or cancellation
 * of an allocation was released on its budget. Returns the violations found.
 */
export async function writeInvariantViolations(store: EventStore): Promise<string[]> {
  const byStream = new Map<string, RecordedEvent[]>();
  for (const event of await store.readAll({ limit: 1_000_000 })) {
    const list = byStream.get(event.streamId) ?? [];
    list.push(event);
    byStream.set(event.streamId, list);
  }
  const folded = <S, E extends DomainEvent>(
    prefix: string,
    decider: Pick<Decider<never, S, E>, 'evolve' | 'initialState'>,
  ) =>
    [...byStream.entries()]
      .filter(([id]) => id.startsWith(prefix))
      .map(
        ([id, events]) =>
          [
            id,
            fold(
              decider,
              events.map((e) => upcast(e) as E),
            ),
          ] as const,
      );

  const violations: string[] = [];
  const pairings = new Map(folded('pairing-', pairingDecider));
  const organizations = new Map(folded('organization-', organizationDecider));
  for (const [streamId, organization] of organizations) {
    if (!organization.exists) continue;
    for (const link of Object.values(organization.pairingLinks)) {
      if (!pairings.get(`pairing-${link.pairingId}`)?.exists) {
        violations.push(`${streamId} links pairing ${link.pairingId}, which does not exist`);
      }
    }
  }
  for (const [streamId, pairing] of pairings) {
    if (!pairing.exists || pairing.dissolvedOn !== undefined) continue;
    const rural = organizations.get(`organization-${pairing.ruralOrganizationId}`);
    if (!rural?.exists || !rural.pairingLinks[pairing.id]) {
      violations.push(`${streamId} is not linked on ${pairing.ruralOrganizationId}`);
    } else if (rural.pairingLinks[pairing.id].endsOn !== pairing.endsOn) {
      violations.push(`${streamId} ends on ${pairing.endsOn}, its link does not`);
    }
  }

  const allocated = new Map<string, number>();
  for (const [streamId, allocation] of folded('allocation-', allocationDecider)) {
    if (allocation.status === 'none') {
      violations.push(`${streamId} holds events but no allocation`);
      continue;
    }
    allocated.set(
      allocation.budgetId,
      (allocated.get(allocation.budgetId) ?? 0) + allocation.allocatedFen,
    );
  }
  for (const [streamId, budget] of folded('budget-', budgetDecider)) {
    if (budget.status !== 'open') continue;
    const sum = allocated.get(budget.budgetId) ?? 0;
    if (budget.reservedFen !== sum) {
      violations.push(
        `${streamId} reserves ${budget.reservedFen} fen, its allocations total ${sum}`,
      );
    }
  }
  return violations;
}
