import { BranchPairedData, pairingDecider, PairingEvent, PairingState } from '@gongjian/domain';

/**
 * The pairing's decision state plus what the read shape shows and the decider does not keep
 * (names, contact leader, the override reason, why it was dissolved).
 */
export interface PairingRecord {
  pairing: PairingState;
  agreement?: BranchPairedData;
  dissolutionReason?: string;
}

export const pairingRecordFold = {
  initialState: (): PairingRecord => ({ pairing: pairingDecider.initialState() }),
  evolve: (record: PairingRecord, event: PairingEvent): PairingRecord => ({
    pairing: pairingDecider.evolve(record.pairing, event),
    agreement: event.type === 'BranchPaired' ? event.data : record.agreement,
    dissolutionReason:
      event.type === 'PairingDissolved' ? event.data.reason : record.dissolutionReason,
  }),
};
