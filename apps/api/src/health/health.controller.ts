import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../http/auth/roles.decorator';
import { problem, PROBLEM_CONTENT_TYPE } from '../http/problem/problem';
import { EventStoreHealthIndicator } from './event-store.health';
import { ProjectionsHealthIndicator } from './projections.health';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly readModels: ProjectionsHealthIndicator,
  ) {}

  @Get('health')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  live() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness: every store answers and read models are within their lag limits (503 NOT_READY otherwise, naming the checks that failed)',
  })
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      return await this.health.check([
        () => this.eventStore.check(),
        () => this.readModels.check(),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      // The report says what is not ready (a store down, read models lagging): keep it.
      const report = error.getResponse() as HealthCheckResult;
      const failing = Object.keys(report.error ?? {});
      void reply.status(503).header('Content-Type', PROBLEM_CONTENT_TYPE);
      return problem(503, 'NOT_READY', `not ready: ${failing.join(', ') || 'unknown'}`, {
        checks: report.details,
      });
    }
  }
}
