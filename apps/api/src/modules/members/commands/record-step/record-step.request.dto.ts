import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  Matches,
  Max,
  Min,
} from 'class-validator';
import {
  ActivistDesignationMethod,
  ActivistReviewResult,
  FILING_SUBJECTS,
  FilingSubject,
  MEMBER_STEPS,
  MemberStep,
} from '@gongjian/domain';
import { IsBusinessDate } from '../../../../http/validation/is-business-date.decorator';
import { RESOURCE_ID } from '../../../../http/validation/resource-id';
import { StepField } from './step-field.decorator';
import { PlainText } from '../../../../http/validation/plain-text.decorator';

const DATED_STEPS = MEMBER_STEPS.filter((s) => s !== 'public_notice');
/** Steps whose `by` is the organization id of the Party committee with authority. */
const COMMITTEE_STEPS: readonly MemberStep[] = [
  'approve_admission',
  'record_filing',
  'approve_full_membership',
  'approve_probation_extension',
];
const BY_REQUIRED: readonly MemberStep[] = ['approval_conversation', ...COMMITTEE_STEPS];
/** Branch meetings that vote: on admission and on 转正. */
const VOTE_STEPS: readonly MemberStep[] = ['branch_vote', 'full_membership_vote'];

/**
 * One step of the development procedure (API.md step table). Each step takes its own fields;
 * a field of another step is refused like an unknown one. `on` defaults to today (Asia/Shanghai).
 */
export class RecordStepRequestDto {
  @ApiProperty({
    enum: MEMBER_STEPS,
    description:
      'interview 谈话 · designate_activist 确定入党积极分子 · assign_contacts 指定培养联系人 · ' +
      'review_activist 考察 · designate_target 确定发展对象 · record_filing 备案 · ' +
      'assign_sponsors 确定入党介绍人 · political_review 政治审查 · training 集中培训 · ' +
      'pre_review 预审 · public_notice 公示 · branch_vote 支部大会表决 · ' +
      'approval_conversation 审批前谈话 · approve_admission 上级党委审批 · oath 入党宣誓 · ' +
      'apply_full_membership 转正申请 · full_membership_vote 转正表决 · ' +
      'approve_full_membership 转正审批 · grant_full_membership 转正（补录） · ' +
      'extend_probation 延长预备期 · approve_probation_extension 审批延长预备期 · ' +
      'cancel_probation 取消预备党员资格 · withdraw 终止发展 · transfer 组织关系转接',
  })
  @IsIn(MEMBER_STEPS)
  step: MemberStep;

  @ApiPropertyOptional({
    description: 'every step but public_notice; default today',
    example: '2025-06-01',
  })
  @StepField(DATED_STEPS)
  @IsBusinessDate()
  on?: string;

  @ApiPropertyOptional({
    description:
      'interview, pre_review: who; approval_conversation (谈话, required): who held it; ' +
      'approve_admission, record_filing, approve_full_membership, approve_probation_extension ' +
      '(required): the organization id of the Party committee with authority over the branch',
    example: 'town-T01',
  })
  @StepField(['interview', 'pre_review', ...BY_REQUIRED], {
    required: true,
    requiredWhen: (body) => BY_REQUIRED.includes(body.step as MemberStep),
  })
  @PlainText(1, 100)
  by?: string;

  @ApiPropertyOptional({
    description:
      'approve_admission: why the approval comes later than 3 months after the vote (up to 6)',
  })
  @StepField(['approve_admission'])
  @PlainText(1, 500, { multiline: true })
  delayReason?: string;

  @ApiPropertyOptional({
    enum: FILING_SUBJECTS,
    description: 'record_filing (备案): the designation filed with the upper committee',
  })
  @StepField(['record_filing'], { required: true })
  @IsIn(FILING_SUBJECTS)
  of?: FilingSubject;

  @ApiPropertyOptional({
    enum: ['member_recommendation', 'mass_org_recommendation'],
    description: 'designate_activist',
  })
  @StepField(['designate_activist'], { required: true })
  @IsIn(['member_recommendation', 'mass_org_recommendation'])
  method?: ActivistDesignationMethod;

  @ApiPropertyOptional({
    description: 'designate_activist, designate_target: the branch resolution',
  })
  @StepField(['designate_activist', 'designate_target'], { required: true })
  @PlainText(1, 200)
  resolutionRef?: string;

  @ApiPropertyOptional({ type: [String], description: 'assign_contacts: 1–2 names' })
  @StepField(['assign_contacts'], { required: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @PlainText(1, 100, { each: true })
  contacts?: string[];

  @ApiPropertyOptional({ enum: ['satisfactory', 'unsatisfactory'], description: 'review_activist' })
  @StepField(['review_activist'], { required: true })
  @IsIn(['satisfactory', 'unsatisfactory'])
  result?: ActivistReviewResult;

  @ApiPropertyOptional({ description: 'review_activist' })
  @StepField(['review_activist'])
  @PlainText(1, 1000, { multiline: true })
  note?: string;

  @ApiPropertyOptional({ type: [String], description: 'assign_sponsors: exactly 2 names' })
  @StepField(['assign_sponsors'], { required: true })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @PlainText(1, 100, { each: true })
  sponsors?: string[];

  @ApiPropertyOptional({ description: 'political_review' })
  @StepField(['political_review'], { required: true })
  @IsBoolean()
  passed?: boolean;

  @ApiPropertyOptional({
    description:
      'training: one concentrated session (集中培训) of ≥ 3 days or ≥ 24 class hours; ' +
      'sessions do not add up',
  })
  @StepField(['training'], {
    required: true,
    requiredWhen: (body) => body.hours === undefined,
    requiredMessage: 'training needs days or hours',
  })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(366)
  days?: number;

  @ApiPropertyOptional({ description: 'training' })
  @StepField(['training'])
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(8784)
  hours?: number;

  @ApiPropertyOptional({ description: 'training (required): who organized the session' })
  @StepField(['training'], { required: true })
  @PlainText(1, 200)
  organizer?: string;

  @ApiPropertyOptional({ description: 'public_notice: first day (instead of on)' })
  @StepField(['public_notice'], { required: true })
  @IsBusinessDate()
  from?: string;

  @ApiPropertyOptional({
    description:
      'public_notice: last day; ≥ 5 working days on the official calendar (holidays off, 调休 ' +
      'make-up days on)',
  })
  @StepField(['public_notice'], { required: true })
  @IsBusinessDate()
  to?: string;

  @ApiPropertyOptional({
    description: 'branch_vote, full_membership_vote: members entitled to vote',
  })
  @StepField(VOTE_STEPS, { required: true })
  @IsInt()
  @Min(1)
  @Max(100_000)
  eligibleVoters?: number;

  @ApiPropertyOptional({
    description:
      'branch_vote, full_membership_vote: of those entitled, present; the meeting is valid ' +
      'only with more than half',
  })
  @StepField(VOTE_STEPS, { required: true })
  @IsInt()
  @Min(0)
  @Max(100_000)
  present?: number;

  @ApiPropertyOptional({
    description:
      'branch_vote, full_membership_vote: written votes of absent members count; passes with ' +
      'yes > half of those entitled, otherwise recorded as not passed',
  })
  @StepField(VOTE_STEPS, { required: true })
  @IsInt()
  @Min(0)
  @Max(100_000)
  yesVotes?: number;

  @ApiPropertyOptional({ description: 'branch_vote, full_membership_vote' })
  @StepField(VOTE_STEPS)
  @IsInt()
  @Min(0)
  @Max(100_000)
  noVotes?: number;

  @ApiPropertyOptional({ description: 'branch_vote, full_membership_vote' })
  @StepField(VOTE_STEPS)
  @IsInt()
  @Min(0)
  @Max(100_000)
  abstentions?: number;

  @ApiPropertyOptional({
    description: 'grant_full_membership (records entered after the fact): the branch vote on it',
  })
  @StepField(['grant_full_membership'])
  @IsBusinessDate()
  voteOn?: string;

  @ApiPropertyOptional({
    description:
      'extend_probation: 6–12, once, decided by the branch when probation ends (then ' +
      'approve_probation_extension)',
  })
  @StepField(['extend_probation'], { required: true })
  @IsInt()
  months?: number;

  @ApiPropertyOptional({ description: 'cancel_probation, withdraw' })
  @StepField(['cancel_probation', 'withdraw'], { required: true })
  @PlainText(1, 500, { multiline: true })
  reason?: string;

  @ApiPropertyOptional({ description: 'transfer: the receiving organization' })
  @StepField(['transfer'], { required: true })
  @Matches(RESOURCE_ID.pattern, { message: RESOURCE_ID.message })
  toOrganizationId?: string;
}
