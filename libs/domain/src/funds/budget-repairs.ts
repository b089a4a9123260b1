import { RecordMissingRelease, ReleaseOrphanReservation } from './budget.commands';
import { BudgetEvent } from './budget.events';
import { ref, releaseReservation, type OpenBudgetState } from './budget.decider';
import { requireText } from './funds.guards';

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
  return releaseReservation(state, command.data, 'MissingReleaseRecorded');
}
