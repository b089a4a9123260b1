import { Module } from '@nestjs/common';
import { AuditQueriesController } from './audit-queries.controller';
import { ListAuditEventsHandler } from './queries/list-audit-events.handler';

@Module({
  controllers: [AuditQueriesController],
  providers: [ListAuditEventsHandler],
})
export class AuditModule {}
