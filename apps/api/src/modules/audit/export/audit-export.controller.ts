import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { exportBundle, LeafIndex, NoteSigner } from '@gongjian/audit';
import { EVENT_STORE, EventStore } from '@gongjian/event-store';
import { Roles } from '../../../http/auth/roles.decorator';
import { auditProblem } from '../audit-problems';
import { recordingBound } from '../recording-window';
import { AUDIT_LEAF_INDEX, AUDIT_SIGNER } from '../audit.tokens';
import { ExportQueryDto } from './export-query.dto';

@ApiTags('audit (审计)')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditExportController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AUDIT_SIGNER) private readonly signer: NoteSigner,
    @Inject(AUDIT_LEAF_INDEX) private readonly leaves: LeafIndex,
  ) {}

  @Get('export')
  @Roles('inspector')
  @ApiProduces('application/x-ndjson')
  @ApiOperation({
    summary: 'An NDJSON bundle that `gongjian audit verify <bundle>` checks offline',
    description:
      'The exact hashed bytes of each selected event with its inclusion proof, every checkpoint with its signature and a consistency proof to the latest, and the public key. Only events the latest checkpoint covers. Personal data stays encrypted in the bytes, as it is in the log.',
  })
  async export(@Query() query: ExportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    let lines: string[];
    try {
      lines = await exportBundle(this.store, this.leaves, this.signer, {
        ...query,
        ...(query.from !== undefined && { from: recordingBound(query.from, 'from') }),
        ...(query.to !== undefined && { to: recordingBound(query.to, 'to') }),
      });
    } catch (error) {
      throw auditProblem(error);
    }
    const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
    reply
      .header('Content-Type', 'application/x-ndjson; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="audit-bundle-${stamp}.ndjson"`);
    return `${lines.join('\n')}\n`;
  }
}
