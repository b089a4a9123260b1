import { hkdfSync } from 'node:crypto';
import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@gongjian/config';
import { loadAuditSigner, NoteSigner } from '@gongjian/audit';
import { EVENT_STORE, EventStore } from '@gongjian/event-store';
import { HealthModule } from './health/health.module';
import { MetricsController } from './metrics/metrics.controller';
import { createMetricsRegistry, METRICS } from './metrics/metrics.registry';
import { loggerOptions } from './bootstrap/logger.options';
import { ApiKey } from './http/auth/api-key';
import { ApiKeyGuard } from './http/auth/api-key.guard';
import { API_KEY_REGISTRY, ApiKeyRegistry } from './http/auth/api-key.registry';
import { ProblemDetailsFilter } from './http/problem/problem-details.filter';
import { strictValidationPipe } from './http/validation/strict-validation.pipe';
import { OrganizationsModule } from './modules/organizations/organizations.module';
import { PairingsModule } from './modules/pairings/pairings.module';
import { ProjectsModule } from './modules/projects/projects.module';
import { FundsModule } from './modules/funds/funds.module';
import { MembersModule } from './modules/members/members.module';
import { REQUEST_HASH_KEY, WriteSideModule } from '@gongjian/write-side';
import { AuditModule } from './modules/audit/audit.module';
import { AUDIT_SIGNER } from './modules/audit/audit.tokens';
import { ReportsModule } from './modules/reports/reports.module';
import { RatingsModule } from './modules/ratings/ratings.module';
import { PERSONAL_DATA_CIPHER, PersonalDataCipher } from './personal-data/personal-data.cipher';
import { ProjectionsModule, ReadSideDependencies } from './projections/projections.module';

export interface AppDependencies extends Omit<ReadSideDependencies, 'config'> {
  config: AppConfig;
  store: EventStore;
  apiKeys: ApiKey[];
  personalDataKey: Buffer;
  /** The checkpoint signer, when already loaded (main checks it before opening any store). */
  auditSigner?: NoteSigner;
}

export const APP_CONFIG = Symbol.for('gongjian.AppConfig');

@Global()
@Module({})
class InfrastructureModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static register(deps: AppDependencies): DynamicModule {
    const { config, store, apiKeys, personalDataKey } = deps;
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: EVENT_STORE, useValue: store },
      { provide: METRICS, useFactory: createMetricsRegistry },
      { provide: API_KEY_REGISTRY, useValue: new ApiKeyRegistry(apiKeys) },
      { provide: PERSONAL_DATA_CIPHER, useValue: new PersonalDataCipher(personalDataKey) },
      { provide: AUDIT_SIGNER, useValue: deps.auditSigner ?? loadAuditSigner(config) },
      {
        provide: REQUEST_HASH_KEY,
        useValue: Buffer.from(
          hkdfSync('sha256', personalDataKey, '', 'gongjian request fingerprint', 32),
        ),
      },
    ];
    return { module: InfrastructureModule, providers, exports: providers.map((p) => p.provide) };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Module({})
export class AppModule {
  static register(dependencies: AppDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.register(dependencies),
        ProjectionsModule.register(dependencies),
        LoggerModule.forRoot(loggerOptions(dependencies.config)),
        CqrsModule.forRoot(),
        WriteSideModule,
        HealthModule,
        OrganizationsModule,
        PairingsModule,
        ProjectsModule,
        FundsModule,
        MembersModule,
        AuditModule,
        ReportsModule,
        RatingsModule,
      ],
      controllers: [MetricsController],
      providers: [
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useFactory: strictValidationPipe },
      ],
    };
  }
}
