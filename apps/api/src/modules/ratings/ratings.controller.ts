import { Body, Controller, HttpCode, Inject, Param, Post, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RatingCommand, ratingDecider, ratingStreamId } from '@gongjian/domain';
import { PERIOD_PATTERN, validateRuleSet, withRuleSetDefaults } from '@gongjian/evaluation';
import { JobsUnavailableError } from '@gongjian/jobs';
import {
  CommandMetadata,
  CommandResult,
  DecisionRunner,
  domainCommand,
  resourceIdFor,
} from '@gongjian/write-side';
import { Roles } from '../../http/auth/roles.decorator';
import { assertInScope } from '../../http/auth/township-scope';
import { CommandMeta } from '../../http/command-metadata.decorator';
import { CommandResultInterceptor } from '../../http/command-result.interceptor';
import { HttpProblemError } from '../../http/problem/http-problem.error';
import { InvalidInputError } from '../../http/validation/invalid-input.error';
import {
  ReasonRequestDto,
  RecordAppraisalRequestDto,
  RecordVetoRequestDto,
  StartEvaluationRequestDto,
} from './evaluations.dto';
import { knownOrganizationIn } from '../organizations/known-organization';
import { EVALUATION_RUNS } from './ratings.tokens';
import { RULE_SET_REQUEST_SCHEMA } from './rule-set.request-schema';
import { EvaluationRuns } from './runs/evaluation-runs';
import { ruleSetInvalid } from './runs/rule-set-source';

const jobsUnavailable = (error: JobsUnavailableError) =>
  new HttpProblemError(
    503,
    'JOBS_UNAVAILABLE',
    `evaluation jobs cannot be started now (${error.address}); nothing was written, retry later`,
  );

function requirePeriod(period: string): void {
  if (!PERIOD_PATTERN.test(period))
    throw new InvalidInputError([{ field: 'period', message: 'period must be a year, YYYY' }]);
}

@ApiTags('star ratings (星级评定)')
@ApiBearerAuth()
@Controller('api/v1')
export class RatingsController {
  constructor(
    private readonly runner: DecisionRunner,
    @Inject(EVALUATION_RUNS) private readonly runs: EvaluationRuns,
  ) {}

  @Post('rule-sets')
  @Roles('admin')
  @UseInterceptors(CommandResultInterceptor)
  @ApiOperation({
    summary: 'Publish a rule set version (data: indicators, weights, thresholds, caps, vetoes)',
    description:
      'Malformed fields: 400 with every field listed. Rules that do not hold together (points ' +
      'not adding up to 100 within a part, weights not adding up to 100, thresholds not strictly ' +
      'descending): 422 RULE_SET_INVALID, with the fields in `errors`. A version is immutable: ' +
      'RULE_SET_VERSION_EXISTS. Only id, version, indicators, thresholds, fiveStarCap and vetoes ' +
      'are required; the other fields are filled in with their defaults before the rule set is ' +
      'checked and hashed, and `GET /rule-sets/{id}` shows them.',
  })
  @ApiBody({ schema: RULE_SET_REQUEST_SCHEMA })
  publishRuleSet(
    @Body() body: Record<string, unknown>,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    const validation = validateRuleSet(withRuleSetDefaults(body));
    if (!validation.ok) {
      if (validation.shape.length > 0) throw new InvalidInputError(validation.shape);
      throw ruleSetInvalid(validation.rules);
    }
    return this.runs.ruleSets.publish(validation.ruleSet, meta);
  }

  @Post('evaluations')
  @HttpCode(202)
  @Roles('admin', 'scheduler')
  @ApiOperation({
    summary: 'Start the evaluation run of a period (202 with its runId)',
    description:
      'The run is keyed by (period, rule set and hash, cut-off): the same key answers the same ' +
      'runId and appends nothing. `position` is where the request is recorded (as ' +
      '`minPosition`, a query waits for it). A run already completed answers its runId without ' +
      'the job queue; otherwise 503 JOBS_UNAVAILABLE when the job queue cannot be reached ' +
      '(nothing is written).',
  })
  async startEvaluation(
    @Body() body: StartEvaluationRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<{ runId: string; position: string }> {
    try {
      return await this.runs.start(body, 'api', meta);
    } catch (error) {
      if (error instanceof JobsUnavailableError) throw jobsUnavailable(error);
      throw error;
    }
  }

  @Post('organizations/:id/vetoes')
  @Roles('admin', 'operator')
  @UseInterceptors(CommandResultInterceptor)
  @ApiOperation({
    summary: 'Record a veto (一票否决) for a period: the rating gets the minimum star',
  })
  veto(
    @Param('id') organizationId: string,
    @Body() body: RecordVetoRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    const vetoId = resourceIdFor(meta.commandId, 'veto');
    return this.change(organizationId, meta, {
      type: 'RecordVeto',
      data: { organizationId, period: body.period, vetoId, reason: body.reason },
    });
  }

  @Post('organizations/:id/appraisal')
  @Roles('admin', 'operator')
  @UseInterceptors(CommandResultInterceptor)
  @ApiOperation({ summary: 'Record the democratic appraisal (民主评议) score of a period' })
  appraisal(
    @Param('id') organizationId: string,
    @Body() body: RecordAppraisalRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    return this.change(organizationId, meta, {
      type: 'RecordAppraisalScore',
      data: {
        organizationId,
        period: body.period,
        score: body.score,
        ...(body.respondents !== undefined && { respondents: body.respondents }),
      },
    });
  }

  @Post('ratings/:orgId/:period/objections')
  @Roles('admin', 'operator')
  @UseInterceptors(CommandResultInterceptor)
  @ApiOperation({ summary: 'Record an objection during the public notice (公示)' })
  objection(
    @Param('orgId') organizationId: string,
    @Param('period') period: string,
    @Body() body: ReasonRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    requirePeriod(period);
    const objectionId = resourceIdFor(meta.commandId, 'objection');
    return this.change(organizationId, meta, {
      type: 'RecordRatingObjection',
      data: { organizationId, period, objectionId, reason: body.reason, by: meta.actor.id },
    });
  }

  @Post('ratings/:orgId/:period/finalize')
  @HttpCode(200)
  @Roles('admin', 'scheduler')
  @UseInterceptors(CommandResultInterceptor)
  @ApiOperation({ summary: 'Finalize a rating once its public notice is over' })
  finalize(
    @Param('orgId') organizationId: string,
    @Param('period') period: string,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    requirePeriod(period);
    return this.change(organizationId, meta, {
      type: 'FinalizeRating',
      data: { organizationId, period },
    });
  }

  @Post('ratings/:orgId/:period/revoke')
  @HttpCode(200)
  @Roles('admin')
  @UseInterceptors(CommandResultInterceptor)
  @ApiOperation({ summary: 'Revoke a rating (摘星) with a reason' })
  revoke(
    @Param('orgId') organizationId: string,
    @Param('period') period: string,
    @Body() body: ReasonRequestDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<CommandResult> {
    requirePeriod(period);
    return this.change(organizationId, meta, {
      type: 'RevokeRating',
      data: { organizationId, period, reason: body.reason },
    });
  }

  private change(
    organizationId: string,
    metadata: CommandMetadata,
    command: Pick<RatingCommand, 'type' | 'data'>,
  ): Promise<CommandResult> {
    const streamId = ratingStreamId(organizationId);
    return this.runner.runAcross({
      id: organizationId,
      streamId,
      metadata,
      decide: async (session) => {
        // A registered organization (404), in an operator's townships (403).
        const organization = await knownOrganizationIn(session, organizationId);
        if (metadata.actor.role === 'operator')
          assertInScope(metadata.actor, organization.township);
        await session.decide(streamId, ratingDecider, () =>
          domainCommand<RatingCommand>(command.type, command.data, metadata),
        );
      },
    });
  }
}
