import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import {
  MEMBER_STEP_COMMANDS,
  memberDecider,
  MemberStep,
  MemberStepCommand,
  OfficialCalendar,
} from '@gongjian/domain';
import {
  CommandResult,
  DecisionRunner,
  domainCommand,
  shanghaiDate,
  shanghaiMidnight,
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

/**
 * `step` → MEMBER_STEP_COMMANDS[step] with `{ memberId, ...stepFields }`. The member must exist
 * (404) and its organization lie in the operator's townships (403); a transfer's receiving
 * organization must exist (404). The event's occurredAt is the step's business date.
 * What the decider needs beyond the request is resolved here: the official calendar of the
 * years a public notice touches, and for approvals and filings the committee with authority
 * over the member's organization (the nearest 党委 above it in the organization tree).
 */
@CommandHandler(RecordStepCommand)
export class RecordStepHandler implements ICommandHandler<RecordStepCommand> {
  constructor(
    private readonly runner: DecisionRunner,
    @Inject(OFFICIAL_CALENDAR) private readonly calendar: OfficialCalendar,
  ) {}

  async execute({ memberId, body, metadata }: RecordStepCommand): Promise<CommandResult> {
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
    return this.runner.run({
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
  }
}
