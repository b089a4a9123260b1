import { addDays } from '../shared/business-date';
import { PairingStatus } from './pairing.vocabulary';

/**
 * Where a pairing stands for facts dated inside its term: `active` during the term, `late_entry`
 * once the term has ended but no more than `graceDays` ago (facts of the term are still
 * accepted, marked as entered late), otherwise its status (`expired`, or `dissolved`: a
 * dissolution is decided, so it has no grace).
 */
export function termEntryOn(
  pairing: { endsOn: string; dissolvedOn?: string },
  today: string,
  graceDays: number,
): PairingStatus | 'late_entry' {
  if (pairing.dissolvedOn !== undefined) return 'dissolved';
  if (today <= pairing.endsOn) return 'active';
  return today <= addDays(pairing.endsOn, graceDays) ? 'late_entry' : 'expired';
}
