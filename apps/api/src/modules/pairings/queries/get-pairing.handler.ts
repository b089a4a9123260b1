import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Pairing, pairingStatusOn, pairingStreamId } from '@gongjian/domain';
import { DecisionRunner, shanghaiDate } from '@gongjian/write-side';
import { requireScopedPairing } from '../commands/pairing-change';
import {
  activitiesByMonth,
  COLLECTIVE_ACTIVITY_DAYS_PER_MONTH,
  GUIDANCE_DAYS_PER_MONTH,
} from './activities-by-month';
import { GetPairingQuery } from './get-pairing.query';
import { PairingRecord, pairingRecordFold } from './pairing-record';

/** Answered from the pairing's stream until the read models arrive. */
@QueryHandler(GetPairingQuery)
export class GetPairingHandler implements IQueryHandler<GetPairingQuery> {
  constructor(private readonly runner: DecisionRunner) {}

  async execute({ pairingId, actor }: GetPairingQuery) {
    const { state, revision } = await this.runner.load(
      pairingStreamId(pairingId),
      pairingRecordFold,
    );
    const pairing = requireScopedPairing(state.pairing, pairingId, actor);
    const today = shanghaiDate(new Date().toISOString());
    return { ...toPairingView(pairing, state, today), revision };
  }
}

export function toPairingView(pairing: Pairing, record: PairingRecord, today: string) {
  const agreement = record.agreement;
  const lastDay = [pairing.endsOn, pairing.dissolvedOn ?? pairing.endsOn, today].sort()[0];
  return {
    id: pairing.id,
    urbanOrganizationId: pairing.urbanOrganizationId,
    ruralOrganizationId: pairing.ruralOrganizationId,
    urbanName: agreement?.urbanName,
    ruralName: agreement?.ruralName,
    urbanTownship: pairing.urbanTownship,
    ruralTownship: pairing.ruralTownship,
    status: pairingStatusOn(pairing, today),
    startsOn: pairing.startsOn,
    endsOn: pairing.endsOn,
    dissolvedOn: pairing.dissolvedOn,
    dissolutionReason: record.dissolutionReason,
    contactLeader: agreement?.contactLeader,
    requiredCategory: agreement?.requiredCategory,
    principleMatched: pairing.principleMatched,
    principleOverrideReason: agreement?.principleOverrideReason,
    commitments: pairing.commitments,
    delivered: pairing.delivered,
    activityCount: Object.keys(pairing.activities).length,
    lastActivityOn: pairing.lastActivityOn,
    activityTargets: {
      guidanceDaysPerMonth: GUIDANCE_DAYS_PER_MONTH,
      collectiveActivityDaysPerMonth: COLLECTIVE_ACTIVITY_DAYS_PER_MONTH,
    },
    activitiesByMonth: activitiesByMonth(Object.values(pairing.activities), {
      from: pairing.startsOn,
      to: lastDay,
    }),
  };
}
