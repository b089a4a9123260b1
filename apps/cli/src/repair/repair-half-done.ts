import { createHash } from 'node:crypto';
import {
  budgetDecider,
  budgetStreamId,
  organizationDecider,
  organizationStreamId,
  RecordMissingRelease,
  ReleaseOrphanReservation,
  RemoveOrphanPairingLink,
  RestorePairingLink,
} from '@gongjian/domain';
import { EventStore } from '@gongjian/event-store';
import {
  CommandMetadata,
  CommandResult,
  commandIdFor,
  DecisionRunner,
  domainCommand,
} from '@gongjian/write-side';
import { HalfDoneRecord } from './half-done-records';

export const REPAIR_ACTOR = { id: 'cli', role: 'cli' };

/**
 * Repairs carry no personal data, and their fingerprint must stay the same from one run to the
 * next (the command id of a repair is derived from its target): a fixed key, not a secret.
 */
const REPAIR_FINGERPRINT_KEY = createHash('sha256').update('gongjian repair').digest();

export const REPAIR_REASONS: Record<HalfDoneRecord['kind'], string> = {
  link_without_pairing:
    'repair: the pairing of this link was never created (half-done by an earlier version)',
  pairing_without_link:
    'repair: this pairing exists but its link was undone while it was written (half-done by an earlier version)',
  reservation_without_allocation:
    'repair: the allocation of this reservation was never opened (half-done by an earlier version)',
  release_missing:
    'repair: the budget never released this reduction or cancellation (half-done by an earlier version)',
};

export function targetOf(record: HalfDoneRecord): string {
  switch (record.kind) {
    case 'link_without_pairing':
    case 'pairing_without_link':
      return `${organizationStreamId(record.organizationId)}#${record.pairingId}`;
    case 'reservation_without_allocation':
      return `${budgetStreamId(record.budgetId)}#${record.allocationId}`;
    case 'release_missing':
      return `${budgetStreamId(record.budgetId)}#${record.releaseId}`;
  }
}

/**
 * One explicit, audited event per record, each under a command id derived from the record, so
 * that a second run (or a run interrupted and started again) writes nothing new.
 */
export async function repairHalfDoneRecord(
  store: EventStore,
  record: HalfDoneRecord,
  now = new Date().toISOString(),
): Promise<CommandResult> {
  const runner = new DecisionRunner(store, REPAIR_FINGERPRINT_KEY);
  const target = targetOf(record);
  const commandId = commandIdFor(REPAIR_ACTOR.id, `repair:${record.kind}:${target}`);
  const metadata: CommandMetadata = {
    commandId,
    correlationId: commandId,
    requestHash: createHash('sha256').update(`repair ${record.kind} ${target}`).digest('hex'),
    actor: { ...REPAIR_ACTOR, townships: ['*'] },
    now,
  };
  const reason = REPAIR_REASONS[record.kind];
  switch (record.kind) {
    case 'link_without_pairing':
      return runner.run({
        id: record.organizationId,
        streamId: organizationStreamId(record.organizationId),
        decider: organizationDecider,
        metadata,
        command: () =>
          domainCommand<RemoveOrphanPairingLink>(
            'RemoveOrphanPairingLink',
            { organizationId: record.organizationId, pairingId: record.pairingId, reason },
            metadata,
          ),
      });
    case 'pairing_without_link':
      return runner.run({
        id: record.organizationId,
        streamId: organizationStreamId(record.organizationId),
        decider: organizationDecider,
        metadata,
        command: () =>
          domainCommand<RestorePairingLink>(
            'RestorePairingLink',
            {
              organizationId: record.organizationId,
              pairingId: record.pairingId,
              urbanOrganizationId: record.urbanOrganizationId,
              startsOn: record.startsOn,
              endsOn: record.endsOn,
              reason,
            },
            metadata,
          ),
      });
    case 'reservation_without_allocation':
      return runner.run({
        id: record.budgetId,
        streamId: budgetStreamId(record.budgetId),
        decider: budgetDecider,
        metadata,
        command: () =>
          domainCommand<ReleaseOrphanReservation>(
            'ReleaseOrphanReservation',
            { budgetId: record.budgetId, allocationId: record.allocationId, reason },
            metadata,
          ),
      });
    case 'release_missing':
      return runner.run({
        id: record.budgetId,
        streamId: budgetStreamId(record.budgetId),
        decider: budgetDecider,
        metadata,
        command: () =>
          domainCommand<RecordMissingRelease>(
            'RecordMissingRelease',
            {
              budgetId: record.budgetId,
              allocationId: record.allocationId,
              releaseId: record.releaseId,
              amountFen: record.amountFen,
              reason,
            },
            metadata,
          ),
      });
  }
}
