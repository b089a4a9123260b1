import { Command } from '../shared/decider';
import { BranchRatedData } from './rating.events';

export type RecordAppraisalScore = Command<
  'RecordAppraisalScore',
  { organizationId: string; period: string; score: number; respondents?: number }
>;
export type RecordVeto = Command<
  'RecordVeto',
  { organizationId: string; period: string; vetoId: string; reason: string }
>;
/** `noticeDays`: length of the public notice, counted from the day the rating is recorded. */
export type RateBranch = Command<
  'RateBranch',
  { rating: Omit<BranchRatedData, 'noticeEndsOn'>; noticeDays: number }
>;
export type RecordRatingObjection = Command<
  'RecordRatingObjection',
  { organizationId: string; period: string; objectionId: string; reason: string; by?: string }
>;
export type FinalizeRating = Command<'FinalizeRating', { organizationId: string; period: string }>;
export type RevokeRating = Command<
  'RevokeRating',
  { organizationId: string; period: string; reason: string }
>;

export type RatingCommand =
  | RecordAppraisalScore
  | RecordVeto
  | RateBranch
  | RecordRatingObjection
  | FinalizeRating
  | RevokeRating;
