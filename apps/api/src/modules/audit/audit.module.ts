import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditAnchorService, LEAF_INDEX_FILE, LeafIndex, NoteSigner } from '@gongjian/audit';
import type { AppConfig } from '@gongjian/config';
import { EVENT_STORE, EventStore } from '@gongjian/event-store';
import { APP_CONFIG } from '../../bootstrap/app-config.token';
import { InspectorAccessInterceptor } from './access/inspector-access.interceptor';
import { AuditAnchorHosting } from './audit-anchor.hosting';
import { AuditQueriesController } from './audit-queries.controller';
import { AUDIT_ANCHORS, AUDIT_LEAF_INDEX, AUDIT_SIGNER } from './audit.tokens';
import { AuditExportController } from './export/audit-export.controller';
import { AuditIntegrityController } from './integrity/audit-integrity.controller';
import { ListAuditEventsHandler } from './queries/list-audit-events.handler';
import { AuditReplayController } from './replay/audit-replay.controller';

@Module({
  controllers: [
    AuditQueriesController,
    AuditIntegrityController,
    AuditReplayController,
    AuditExportController,
  ],
  providers: [
    ListAuditEventsHandler,
    {
      provide: AUDIT_LEAF_INDEX,
      useFactory: (config: AppConfig) => new LeafIndex(join(config.dataDir, LEAF_INDEX_FILE)),
      inject: [APP_CONFIG],
    },
    {
      provide: AUDIT_ANCHORS,
      useFactory: (store: EventStore, leaves: LeafIndex, signer: NoteSigner) =>
        new AuditAnchorService(store, leaves, signer),
      inject: [EVENT_STORE, AUDIT_LEAF_INDEX, AUDIT_SIGNER],
    },
    AuditAnchorHosting,
    // Global: an inspector's every request is recorded, on /audit and on every query.
    { provide: APP_INTERCEPTOR, useClass: InspectorAccessInterceptor },
  ],
})
export class AuditModule {}
