import { PairingState } from './pairing.state';

/**
 * What another context's decider needs to know about a pairing. Command handlers build it with
 * `summarizePairing(id, fold(pairingDecider, events))`; the receiving decider derives the status
 * with `pairingStatusOn(summary, context.today)`.
 */
export type PairingSummary =
  | { id: string; exists: false }
  | {
      id: string;
      exists: true;
      urbanOrganizationId: string;
      ruralOrganizationId: string;
      urbanTownship: string;
      ruralTownship: string;
      startsOn: string;
      endsOn: string;
      dissolvedOn?: string;
    };

export function summarizePairing(id: string, state: PairingState): PairingSummary {
  if (!state.exists) return { id, exists: false };
  return {
    id: state.id,
    exists: true,
    urbanOrganizationId: state.urbanOrganizationId,
    ruralOrganizationId: state.ruralOrganizationId,
    urbanTownship: state.urbanTownship,
    ruralTownship: state.ruralTownship,
    startsOn: state.startsOn,
    endsOn: state.endsOn,
    ...(state.dissolvedOn === undefined ? {} : { dissolvedOn: state.dissolvedOn }),
  };
}
