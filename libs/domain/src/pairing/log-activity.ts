import { requireCount, requireDate, requireOneOf, requireText } from '../organization/input.guards';
import { LogActivity } from './pairing.commands';
import { activityAlreadyLogged, activityInFuture, activityOutsideTerm } from './pairing.errors';
import { ActivityLogged } from './pairing.events';
import { pairingRef, requireActiveOn, requirePairing } from './pairing.guards';
import { LoggedActivity, PairingState } from './pairing.state';
import { ACTIVITY_TYPES } from './pairing.vocabulary';

/** Activities fall inside the pairing term, not in the future, while the pairing is active. */
export function logActivity(command: LogActivity, state: PairingState): ActivityLogged[] {
  const { data, context } = command;
  const pairing = requirePairing(state, data.pairingId);
  const activityId = requireText(data.activityId, 'activityId');
  const activity: LoggedActivity = {
    type: requireOneOf(data.type, ACTIVITY_TYPES, 'type'),
    date: requireDate(data.date, 'date'),
    participants: requireCount(data.participants, 'participants', true),
    summary: requireText(data.summary, 'summary'),
  };
  const logged = pairing.activities[activityId];
  if (logged) {
    if (sameActivity(logged, activity)) return [];
    throw activityAlreadyLogged(activityId);
  }
  requireActiveOn(pairing, context.today);
  if (activity.date < pairing.startsOn || activity.date > pairing.endsOn) {
    throw activityOutsideTerm(activity.date, pairing.startsOn, pairing.endsOn);
  }
  if (activity.date > context.today) throw activityInFuture(activity.date, context.today);
  return [{ type: 'ActivityLogged', data: { ...pairingRef(pairing), activityId, ...activity } }];
}

const sameActivity = (a: LoggedActivity, b: LoggedActivity) =>
  a.type === b.type &&
  a.date === b.date &&
  a.participants === b.participants &&
  a.summary === b.summary;
