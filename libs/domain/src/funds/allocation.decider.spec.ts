import { specFor } from '../shared/decider.spec-helper';
import { AllocationCommand } from './allocation.commands';
import { allocationDecider } from './allocation.decider';
import { AllocationEvent } from './allocation.events';

const context = {
  now: '2024-06-30T02:00:00Z',
  today: '2024-06-30',
  actor: { id: 'u1', role: 'operator' },
};
const given = specFor(allocationDecider);

const cmd = <T extends AllocationCommand['type']>(
  type: T,
  data: Omit<Extract<AllocationCommand, { type: T }>['data'], 'allocationId'>,
) => ({ type, data: { allocationId: 'a1', ...data }, context }) as unknown as AllocationCommand;

const ref = {
  allocationId: 'a1',
  budgetId: '2024-county_finance',
  year: 2024,
  source: 'county_finance' as const,
  purpose: 'service_center' as const,
  recipientOrganizationId: 'v-01',
  pairingId: 'p-01',
};
const openData = {
  budgetId: ref.budgetId,
  year: 2024,
  source: ref.source,
  recipientOrganizationId: 'v-01',
  amountFen: 600_000_00,
  purpose: ref.purpose,
  decisionRef: '县委组织部部务会 2024-05',
  pairingId: 'p-01',
};
const opened: AllocationEvent = {
  type: 'AllocationOpened',
  data: { ...ref, amountFen: 600_000_00, decisionRef: openData.decisionRef },
};
const disbursed = (amountFen: number, disbursedFen: number, id = 'a1-d1'): AllocationEvent => ({
  type: 'DisbursementRecorded',
  data: { ...ref, disbursementId: id, amountFen, on: '2024-06-10', ref: '拨款单 17', disbursedFen },
});
const spent = (amountFen: number, spentFen: number): AllocationEvent => ({
  type: 'ExpenditureRecorded',
  data: {
    ...ref,
    expenditureId: 'a1-e1',
    amountFen,
    on: '2024-06-20',
    category: 'construction',
    receiptRef: 'R-1',
    spentFen,
  },
});
const disburse = (amountFen: number, extra: { disbursementId?: string; on?: string } = {}) =>
  cmd('RecordDisbursement', { amountFen, on: '2024-06-10', ref: '拨款单 17', ...extra });
const spend = (amountFen: number) =>
  cmd('RecordExpenditure', {
    amountFen,
    on: '2024-06-20',
    category: 'construction',
    receiptRef: 'R-1',
  });
const cancelled: AllocationEvent = {
  type: 'AllocationCancelled',
  data: { ...ref, reason: '项目取消', releasedFen: 600_000_00, releaseId: 'a1-cancel' },
};

describe('allocation decider', () => {
  describe('OpenAllocation', () => {
    it('opens an allocation with its collective decision', () =>
      given([]).when(cmd('OpenAllocation', openData)).then([opened]));

    it('refuses an allocation without a decision reference', () =>
      given([])
        .when(cmd('OpenAllocation', { ...openData, decisionRef: ' ' }))
        .thenRefuses('DECISION_REF_REQUIRED'));

    it('refuses party dues for operating funds', () =>
      given([])
        .when(
          cmd('OpenAllocation', { ...openData, source: 'party_dues', purpose: 'operating_funds' }),
        )
        .thenRefuses('PARTY_DUES_PURPOSE_NOT_PERMITTED'));

    it('refuses to open twice', () =>
      given([opened])
        .when(cmd('OpenAllocation', openData))
        .thenRefuses('ALLOCATION_ALREADY_OPENED'));
  });

  describe('RecordDisbursement', () => {
    it('records a disbursement within the allocation', () =>
      given([opened])
        .when(disburse(600_000_00))
        .then([disbursed(600_000_00, 600_000_00)]));

    it('refuses to disburse more than allocated', () =>
      given([opened, disbursed(500_000_00, 500_000_00)])
        .when(disburse(100_000_01))
        .thenRefuses('DISBURSEMENT_EXCEEDS_ALLOCATION'));

    it('is idempotent by disbursementId', () =>
      given([opened, disbursed(500_000_00, 500_000_00)])
        .when(disburse(500_000_00, { disbursementId: 'a1-d1' }))
        .then([]));

    it('refuses a known disbursementId with another amount', () =>
      given([opened, disbursed(500_000_00, 500_000_00)])
        .when(disburse(1, { disbursementId: 'a1-d1' }))
        .thenRefuses('DISBURSEMENT_ID_CONFLICT'));

    it('refuses a disbursement dated in the future', () =>
      given([opened])
        .when(disburse(1, { on: '2024-07-01' }))
        .thenRefuses('DATE_IN_FUTURE'));

    it('refuses an unknown allocation', () =>
      given([]).when(disburse(1)).thenRefuses('ALLOCATION_NOT_FOUND'));
  });

  describe('RecordExpenditure', () => {
    it('records spending within what was disbursed', () =>
      given([opened, disbursed(200_000_00, 200_000_00)])
        .when(spend(200_000_00))
        .then([spent(200_000_00, 200_000_00)]));

    it('refuses to spend more than disbursed', () =>
      given([opened, disbursed(200_000_00, 200_000_00)])
        .when(spend(200_000_01))
        .thenRefuses('EXPENDITURE_EXCEEDS_DISBURSED'));

    it('refuses spending without a receipt', () =>
      given([opened, disbursed(1, 1)])
        .when(
          cmd('RecordExpenditure', {
            amountFen: 1,
            on: '2024-06-20',
            category: 'x',
            receiptRef: '',
          }),
        )
        .thenRefuses('REQUIRED_FIELD_MISSING'));
  });

  describe('ReduceAllocation', () => {
    it('reduces down to what was disbursed and names the budget release', () =>
      given([opened, disbursed(200_000_00, 200_000_00)])
        .when(cmd('ReduceAllocation', { amountFen: 400_000_00, reason: '核减' }))
        .then([
          {
            type: 'AllocationReduced',
            data: {
              ...ref,
              amountFen: 400_000_00,
              reason: '核减',
              allocatedFen: 200_000_00,
              releaseId: 'a1-r1',
            },
          },
        ]));

    it('refuses to reduce below what was disbursed', () =>
      given([opened, disbursed(200_000_00, 200_000_00)])
        .when(cmd('ReduceAllocation', { amountFen: 400_000_01, reason: '核减' }))
        .thenRefuses('REDUCTION_BELOW_DISBURSED'));

    it('numbers successive releases', () =>
      given([
        opened,
        {
          type: 'AllocationReduced',
          data: {
            ...ref,
            amountFen: 1,
            reason: 'r',
            allocatedFen: 600_000_00 - 1,
            releaseId: 'a1-r1',
          },
        },
      ])
        .when(cmd('ReduceAllocation', { amountFen: 1, reason: 'r' }))
        .then([
          {
            type: 'AllocationReduced',
            data: {
              ...ref,
              amountFen: 1,
              reason: 'r',
              allocatedFen: 600_000_00 - 2,
              releaseId: 'a1-r2',
            },
          },
        ]));
  });

  describe('CancelAllocation', () => {
    it('cancels an allocation with nothing disbursed, releasing all of it', () =>
      given([opened])
        .when(cmd('CancelAllocation', { reason: '项目取消' }))
        .then([cancelled]));

    it('refuses to cancel after a disbursement', () =>
      given([opened, disbursed(1, 1)])
        .when(cmd('CancelAllocation', { reason: '项目取消' }))
        .thenRefuses('CANCEL_AFTER_DISBURSEMENT'));

    it('refuses every command on a cancelled allocation', () => {
      given([opened, cancelled]).when(disburse(1)).thenRefuses('ALLOCATION_CANCELLED');
      given([opened, cancelled])
        .when(cmd('CancelAllocation', { reason: 'again' }))
        .thenRefuses('ALLOCATION_CANCELLED');
      given([opened, cancelled])
        .when(cmd('ReduceAllocation', { amountFen: 1, reason: 'r' }))
        .thenRefuses('ALLOCATION_CANCELLED');
    });
  });
});
