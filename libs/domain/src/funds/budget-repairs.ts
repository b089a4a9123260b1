import { RecordMissingRelease, ReleaseOrphanReservation } from './budget.commands';
import { BudgetEvent } from './budget.events';
import { ref, type OpenBudgetState } from './budget.decider';
import { fundsError } from './funds.errors';
import { requireFen, requireText } from './funds.guards';

/*
 * Repairs of records that versions writing one stream after the other could leave half-done
 * (`gongjian repair`). The CLI finds them by reading both streams; these deciders only make the
 * repair explicit and idempotent: a repair already made decides nothing.
 */

export function releaseOrphanReservation(
  command: ReleaseOrphanReservation,
  state: OpenBudgetState,
): BudgetEvent[] {
  const { allocationId, reason } = command.data;
  requireText('reason', reason);
  const reservation = state.reservations[allocationId];
  if (!reservation) return [];
  return [
    {
      type: 'OrphanReservationReleased',
      data: {
        ...ref(state),
        allocationId,
        amountFen: reservation.currentFen,
        reason,
        recipientOrganizationId: reservation.recipientOrganizationId,
        reservedFen: state.reservedFen - reservation.currentFen,
      },
    },
  ];
}

export function recordMissingRelease(
  command: RecordMissingRelease,
  state: OpenBudgetState,
): BudgetEvent[] {
  const { allocationId, releaseId, amountFen, reason } = command.data;
  requireText('releaseId', releaseId);
  requireText('reason', reason);
  requireFen('amountFen', amountFen, { allowZero: true });
  const reservation = state.reservations[allocationId];
  if (!reservation) {
    throw fundsError('ALLOCATION_NOT_RESERVED', `allocation ${allocationId} has no reservation`, {
      allocationId,
    });
  }
  if (amountFen === 0 || reservation.releaseIds.includes(releaseId)) return [];
  if (amountFen > reservation.currentFen) {
    throw fundsError(
      'RELEASE_EXCEEDS_RESERVATION',
      `cannot release ${amountFen} fen: only ${reservation.currentFen} fen reserved`,
      { allocationId, currentFen: reservation.currentFen, requestedFen: amountFen },
    );
  }
  return [
    {
      type: 'MissingReleaseRecorded',
      data: {
        ...ref(state),
        allocationId,
        releaseId,
        amountFen,
        reason,
        recipientOrganizationId: reservation.recipientOrganizationId,
        reservedFen: state.reservedFen - amountFen,
      },
    },
  ];
}
