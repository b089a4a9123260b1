import { requireCount, requireDate, requireOneOf, requireText } from '../organization/input.guards';
import { LogActivity } from './pairing.commands';
import {
  activityAlreadyLogged,
  activityInFuture,
  activityOutsideTerm,
  pairingNotActive,
  traineesExceedParticipants,
  traineesOnlyForTraining,
} from './pairing.errors';
import { ActivityLogged } from './pairing.events';
import { pairingRef, requirePairing } from './pairing.guards';
import { LoggedActivity, PairingState } from './pairing.state';
import { termEntryOn } from './late-entry';
import { ACTIVITY_TYPES, TRAINEE_KINDS, Trainees } from './pairing.vocabulary';

/**
 * Activities fall inside the pairing term and not in the future, while the pairing is active or,
 * for `lateEntryGraceDays` after its term ended, entered late (`enteredLate: true`).
 */
export function logActivity(command: LogActivity, state: PairingState): ActivityLogged[] {
  const { data, context } = command;
  const pairing = requirePairing(state, data.pairingId);
  const activityId = requireText(data.activityId, 'activityId');
  const type = requireOneOf(data.type, ACTIVITY_TYPES, 'type');
  const participants = requireCount(data.participants, 'participants', true);
  const trainees = traineesOf(data.trainees, type, participants);
  const activity: LoggedActivity = {
    type,
    date: requireDate(data.date, 'date'),
    participants,
    summary: requireText(data.summary, 'summary'),
    ...(trainees !== undefined && { trainees }),
  };
  const logged = pairing.activities[activityId];
  if (logged) {
    if (sameActivity(logged, activity)) return [];
    throw activityAlreadyLogged(activityId);
  }
  const entry = termEntryOn(pairing, context.today, data.lateEntryGraceDays ?? 0);
  if (entry !== 'active' && entry !== 'late_entry') throw pairingNotActive(pairing.id, entry);
  if (activity.date < pairing.startsOn || activity.date > pairing.endsOn) {
    throw activityOutsideTerm(activity.date, pairing.startsOn, pairing.endsOn);
  }
  if (activity.date > context.today) throw activityInFuture(activity.date, context.today);
  return [
    {
      type: 'ActivityLogged',
      data: {
        ...pairingRef(pairing),
        activityId,
        ...activity,
        ...(entry === 'late_entry' && { enteredLate: true as const }),
      },
    },
  ];
}

function traineesOf(
  value: Trainees | undefined,
  type: string,
  participants: number,
): Trainees | undefined {
  if (value === undefined) return undefined;
  if (type !== 'training') throw traineesOnlyForTraining(type);
  const trainees: Trainees = {};
  let total = 0;
  for (const kind of TRAINEE_KINDS) {
    if (value[kind] === undefined) continue;
    trainees[kind] = requireCount(value[kind], `trainees.${kind}`);
    total += trainees[kind];
  }
  if (total > participants) throw traineesExceedParticipants(total, participants);
  return trainees;
}

const sameActivity = (a: LoggedActivity, b: LoggedActivity) =>
  a.type === b.type &&
  a.date === b.date &&
  a.participants === b.participants &&
  a.summary === b.summary &&
  JSON.stringify(a.trainees ?? {}) === JSON.stringify(b.trainees ?? {});
