import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  MEMBER_STEP_COMMANDS,
  memberDecider,
  MemberStep,
  MemberStepCommand,
  OfficialCalendar,
  VOTE_PASSED,
} from '@gongjian/domain';
import { EVENT_STORE, EventStore } from '@gongjian/event-store';
import {
  CommandResult,
  DecisionRunner,
  domainCommand,
  shanghaiDate,
  shanghaiMidnight,
  upcast,
} from '@gongjian/write-side';
import { loadOrganization } from '../../../organizations/known-organization';
import { approvingCommitteeOf } from '../../approving-committee';
import { calendarFor } from '../../calendar/official-calendar.source';
import { OFFICIAL_CALENDAR } from '../../calendar/official-calendar.token';
import { loadMemberInScope, memberStreamId } from '../../member-stream';
import { definedOnly } from '../../request-fields';
import { RecordStepCommand } from './record-step.command';

/** Steps whose `by` must be the Party committee with authority over the member's branch. */
const COMMITTEE_STEPS: ReadonlySet<MemberStep> = new Set([
  'approve_admission',
  'record_filing',
  'approve_full_membership',
  'approve_probation_extension',
]);

/** Steps that hold a vote: their answer says whether it passed. */
const VOTE_STEPS: ReadonlySet<MemberStep> = new Set(['branch_vote', 'full_membership_vote']);

/** The result of a vote and its tallies, as recorded. */
export interface VoteOutcome {
  passed: boolean;
  eligibleVoters: number;
  /** Absent on votes recorded before meetings counted those present. */
  present?: number;
  yesVotes: number;
  noVotes: number;
  abstentions: number;
}

/** The answer to a step: a vote's also carries its recorded result. */
export type RecordStepResult = CommandResult & Partial<VoteOutcome>;

/**
 * `step` → MEMBER_STEP_COMMANDS[step] with `{ memberId, ...stepFields }`. The member must exist
 * (404) and its organization lie in the operator's townships (403); a transfer's receiving
 * organization must exist (404). The event's occurredAt is the step's business date.
 * What the decider needs beyond the request is resolved here: the official calendar of the
 * years a public notice touches, and for approvals and filings the committee with authority
 * over the member's organization (the nearest 党委 above it in the organization tree).
 * A vote's answer adds the result and tallies of the event it wrote, read back by the answer's
 * event ids, so that the replay of an Idempotency-Key answers the same as its first use.
 */
@CommandHandler(RecordStepCommand)
export class RecordStepHandler implements ICommandHandler<RecordStepCommand> {
  constructor(
    private readonly runner: DecisionRunner,
    @Inject(OFFICIAL_CALENDAR) private readonly calendar: OfficialCalendar,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ memberId, body, metadata }: RecordStepCommand): Promise<RecordStepResult> {
    const { member } = await loadMemberInScope(this.runner, memberId, metadata.actor);
    const { step, ...given } = body;
    const fields: Record<string, unknown> = definedOnly(given);
    if (step === 'transfer' && fields.toOrganizationId !== undefined) {
      await loadOrganization(this.runner, fields.toOrganizationId as string);
    }
    if (step === 'public_notice' && fields.from !== undefined && fields.to !== undefined) {
      fields.calendar = calendarFor(this.calendar, fields.from as string, fields.to as string);
    }
    if (COMMITTEE_STEPS.has(step)) {
      const committee = await approvingCommitteeOf(this.runner, member.organizationId);
      if (committee !== undefined) fields.authorizedCommitteeId = committee;
    }
    const dated =
      step === 'public_notice'
        ? fields
        : { ...fields, on: fields.on ?? shanghaiDate(metadata.now) };
    const businessDate = (dated.on ?? dated.from) as string;
    const result = await this.runner.run({
      id: memberId,
      streamId: memberStreamId(memberId),
      decider: memberDecider,
      metadata,
      occurredAt: shanghaiMidnight(businessDate),
      command: () =>
        domainCommand<MemberStepCommand>(
          MEMBER_STEP_COMMANDS[step],
          { memberId, ...dated } as MemberStepCommand['data'],
          metadata,
        ),
    });
    if (!VOTE_STEPS.has(step)) return result;
    const outcome = await this.voteOutcome(result);
    return outcome ? { ...result, ...outcome } : result;
  }

  /**
   * The vote event among those the answer names. A command's events on a stream are one append,
   * so they end at the answer's revision.
   */
  private async voteOutcome(result: CommandResult): Promise<VoteOutcome | undefined> {
    const count = result.eventIds.length;
    if (count === 0) return undefined;
    const written = await this.store.readStream(result.streamId, {
      from: Math.max(0, result.revision - count + 1),
      limit: count,
    });
    const ids = new Set(result.eventIds);
    const vote = written
      .filter((e) => ids.has(e.eventId))
      .map(upcast)
      .find((e) => VOTE_PASSED[e.type] !== undefined);
    if (!vote) return undefined;
    const data = vote.data as Omit<VoteOutcome, 'passed'>;
    return {
      passed: VOTE_PASSED[vote.type],
      eligibleVoters: data.eligibleVoters,
      ...(data.present !== undefined && { present: data.present }),
      yesVotes: data.yesVotes,
      noVotes: data.noVotes,
      abstentions: data.abstentions,
    };
  }
}
