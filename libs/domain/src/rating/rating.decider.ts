import { addDays } from '../shared/business-date';
import { Decider } from '../shared/decider';
import { RatingCommand } from './rating.commands';
import {
  noticePeriodNotOver,
  ratingAlreadyFinal,
  ratingAlreadyRevoked,
  ratingNotFound,
  ratingNotProvisional,
} from './rating.errors';
import { RatingEvent } from './rating.events';
import { initialRatingState, PeriodRating, PeriodRecord, RatingState } from './rating.state';

export const ratingStreamId = (organizationId: string) => `rating-${organizationId}`;

const recordOf = (state: RatingState, period: string): PeriodRecord =>
  state.periods[period] ?? { vetoIds: [], objectionIds: [] };

/** Inputs to a rating (appraisal, vetoes) change nothing once the rating is final or revoked. */
function assertOpen(state: RatingState, organizationId: string, period: string): void {
  const status = recordOf(state, period).rating?.status;
  if (status === 'final') throw ratingAlreadyFinal(organizationId, period);
  if (status === 'revoked') throw ratingAlreadyRevoked(organizationId, period);
}

function requireRating(state: RatingState, organizationId: string, period: string): PeriodRating {
  const rating = recordOf(state, period).rating;
  if (!rating) throw ratingNotFound(organizationId, period);
  return rating;
}

export function decideRating(command: RatingCommand, state: RatingState): RatingEvent[] {
  switch (command.type) {
    case 'RecordAppraisalScore': {
      const { organizationId, period } = command.data;
      assertOpen(state, organizationId, period);
      return [{ type: 'AppraisalScoreRecorded', data: { ...command.data } }];
    }
    case 'RecordVeto': {
      const { organizationId, period, vetoId } = command.data;
      if (recordOf(state, period).vetoIds.includes(vetoId)) return [];
      assertOpen(state, organizationId, period);
      return [{ type: 'VetoRecorded', data: { ...command.data } }];
    }
    case 'RateBranch': {
      const { rating, noticeDays } = command.data;
      const current = recordOf(state, rating.period).rating;
      // A run rates a branch once: its second delivery (a retry, a crash) appends nothing.
      if (current?.runId === rating.runId) return [];
      assertOpen(state, rating.organizationId, rating.period);
      const noticeEndsOn = addDays(command.context.today, noticeDays);
      return [{ type: 'BranchRated', data: { ...rating, noticeEndsOn } }];
    }
    case 'RecordRatingObjection': {
      const { organizationId, period, objectionId } = command.data;
      const record = recordOf(state, period);
      if (record.objectionIds.includes(objectionId)) return [];
      const rating = requireRating(state, organizationId, period);
      if (rating.status !== 'provisional')
        throw ratingNotProvisional(organizationId, period, rating.status);
      return [{ type: 'RatingObjectionRecorded', data: { ...command.data, runId: rating.runId } }];
    }
    case 'FinalizeRating': {
      const { organizationId, period } = command.data;
      const rating = requireRating(state, organizationId, period);
      if (rating.status === 'final') return [];
      if (rating.status === 'revoked') throw ratingAlreadyRevoked(organizationId, period);
      if (command.context.today <= rating.noticeEndsOn)
        throw noticePeriodNotOver(organizationId, period, rating.noticeEndsOn);
      return [
        {
          type: 'RatingFinalized',
          data: {
            organizationId,
            period,
            runId: rating.runId,
            stars: rating.stars,
            on: command.context.today,
          },
        },
      ];
    }
    case 'RevokeRating': {
      const { organizationId, period, reason } = command.data;
      const rating = requireRating(state, organizationId, period);
      if (rating.status === 'revoked') throw ratingAlreadyRevoked(organizationId, period);
      return [
        {
          type: 'RatingRevoked',
          data: {
            organizationId,
            period,
            runId: rating.runId,
            previousStars: rating.stars,
            reason,
          },
        },
      ];
    }
  }
}

function withPeriod(
  state: RatingState,
  organizationId: string,
  period: string,
  change: (record: PeriodRecord) => PeriodRecord,
): RatingState {
  return {
    organizationId,
    periods: { ...state.periods, [period]: change(recordOf(state, period)) },
  };
}

export function evolveRating(state: RatingState, event: RatingEvent): RatingState {
  const { organizationId, period } = event.data;
  switch (event.type) {
    case 'AppraisalScoreRecorded':
      return withPeriod(state, organizationId, period, (r) => r);
    case 'VetoRecorded':
      return withPeriod(state, organizationId, period, (r) => ({
        ...r,
        vetoIds: [...r.vetoIds, event.data.vetoId],
      }));
    case 'BranchRated':
      return withPeriod(state, organizationId, period, (r) => ({
        ...r,
        rating: {
          runId: event.data.runId,
          stars: event.data.stars,
          status: 'provisional',
          noticeEndsOn: event.data.noticeEndsOn,
        },
      }));
    case 'RatingObjectionRecorded':
      return withPeriod(state, organizationId, period, (r) => ({
        ...r,
        objectionIds: [...r.objectionIds, event.data.objectionId],
      }));
    case 'RatingFinalized':
    case 'RatingRevoked':
      return withPeriod(state, organizationId, period, (r) =>
        r.rating
          ? {
              ...r,
              rating: {
                ...r.rating,
                status: event.type === 'RatingFinalized' ? 'final' : 'revoked',
              },
            }
          : r,
      );
  }
}

export const ratingDecider: Decider<RatingCommand, RatingState, RatingEvent> = {
  decide: decideRating,
  evolve: evolveRating,
  initialState: initialRatingState,
};
