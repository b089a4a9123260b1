import { join } from 'node:path';
import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Inject,
  Injectable,
  Logger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { AppConfig } from '@gongjian/config';
import { EVENT_STORE, EventStore } from '@gongjian/event-store';
import {
  DocumentReadModelReader,
  ProjectionEngine,
  READ_MODEL_READER,
  READ_MODELS,
  ReadModelProjection,
} from '@gongjian/projections';
import { DocumentStore, SqliteDocumentStore } from '@gongjian/read-store';
import { METRICS, MetricsRegistry } from '../metrics/metrics.registry';
import { LookupAfterCatchUpInterceptor } from './lookup-after-catch-up.interceptor';
import { OwnWritesInterceptor } from './own-writes.interceptor';
import { ReadYourWritesInterceptor } from './read-your-writes.interceptor';
import {
  DOCUMENT_STORE,
  PROJECTION_ENGINE,
  READ_MODEL_PROJECTIONS,
  READ_SIDE_SETTINGS,
} from './read-side.settings';

export interface ReadSideDependencies {
  config: AppConfig;
  /** The opened read store (main opens it with openDocumentStore); default: SQLite under DATA_DIR. */
  readStore?: DocumentStore;
  /** The read models to keep (default READ_MODELS). */
  projections?: readonly ReadModelProjection[];
}

/** Runs the projection engine inside the api (embedded mode) and closes the read store. */
@Injectable()
class ProjectionHosting
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger('Projections');
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Optional() @Inject(PROJECTION_ENGINE) private readonly engine: ProjectionEngine | null,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.engine) return;
    this.engine.start();
    this.timer = setInterval(() => {
      this.engine?.refreshMetrics().catch((error: Error) => this.logger.warn(error.message));
    }, 5000);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.engine?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Global()
@Module({})
export class ProjectionsModule {
  static register({ config, readStore, projections }: ReadSideDependencies): DynamicModule {
    const models = projections ?? READ_MODELS;
    const store = readStore ?? new SqliteDocumentStore(join(config.dataDir, 'read-models.sqlite'));
    const reader = new DocumentReadModelReader(store, models, { waitMs: config.minPositionWaitMs });
    const logger = new Logger('Projections');
    const providers = [
      { provide: DOCUMENT_STORE, useValue: store },
      { provide: READ_MODEL_READER, useValue: reader },
      { provide: READ_MODEL_PROJECTIONS, useValue: models },
      { provide: READ_SIDE_SETTINGS, useValue: config },
      {
        provide: PROJECTION_ENGINE,
        inject: [EVENT_STORE, METRICS],
        useFactory: (events: EventStore, metrics: MetricsRegistry) =>
          config.projections === 'off'
            ? null
            : new ProjectionEngine({
                events,
                store,
                projections: models,
                settings: {
                  batchSize: config.projectionBatchSize,
                  leaseMs: config.projectionLeaseMs,
                  buildCommitEvents: config.projectionRebuildCommitEvents,
                },
                registry: metrics.registry,
                log: {
                  info: (m) => logger.log(m),
                  warn: (m) => logger.warn(m),
                  error: (m) => logger.error(m),
                },
                onSwitched: (name) => reader.invalidate(name),
                onCommitted: () => reader.nudge(),
              }),
      },
      ReadYourWritesInterceptor,
    ];
    return {
      module: ProjectionsModule,
      providers: [
        ...providers,
        ProjectionHosting,
        { provide: APP_INTERCEPTOR, useClass: LookupAfterCatchUpInterceptor },
        { provide: APP_INTERCEPTOR, useClass: OwnWritesInterceptor },
      ],
      exports: providers.map((p) => ('provide' in p ? p.provide : p)),
    };
  }
}
