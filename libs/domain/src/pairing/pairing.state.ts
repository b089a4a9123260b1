import { ActivityType, Commitments, PairingStatus, Trainees } from './pairing.vocabulary';

export interface LoggedActivity {
  type: ActivityType;
  date: string;
  participants: number;
  summary: string;
  trainees?: Trainees;
}

export interface Pairing {
  exists: true;
  id: string;
  urbanOrganizationId: string;
  ruralOrganizationId: string;
  urbanTownship: string;
  ruralTownship: string;
  startsOn: string;
  endsOn: string;
  dissolvedOn?: string;
  principleMatched: boolean;
  commitments: Commitments;
  delivered: Commitments;
  /** By activityId. */
  activities: Record<string, LoggedActivity>;
  lastActivityOn?: string;
  /** Keys `<kind>:<ref>` of deliveries already recorded. */
  deliveryRefs: Record<string, true>;
}

export type PairingState = { exists: false } | Pairing;

export const initialPairingState = (): PairingState => ({ exists: false });

/** Status on a business date: dissolved wins; otherwise expired once `today` is past the end. */
export function pairingStatusOn(
  pairing: { endsOn: string; dissolvedOn?: string },
  today: string,
): PairingStatus {
  if (pairing.dissolvedOn !== undefined) return 'dissolved';
  return today > pairing.endsOn ? 'expired' : 'active';
}

export const deliveryKey = (kind: string, ref: string) => `${kind}:${ref}`;
