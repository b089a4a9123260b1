import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '@gongjian/config';
import { EVENT_STORE, EventStore } from '@gongjian/event-store';
import { HealthModule } from './health/health.module';
import { MetricsController } from './metrics/metrics.controller';
import { createMetricsRegistry, METRICS } from './metrics/metrics.registry';
import { loggerOptions } from './bootstrap/logger.options';

export const APP_CONFIG = Symbol.for('gongjian.AppConfig');

@Global()
@Module({})
class InfrastructureModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static register(config: AppConfig, store: EventStore): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: EVENT_STORE, useValue: store },
      { provide: METRICS, useFactory: createMetricsRegistry },
    ];
    return { module: InfrastructureModule, providers, exports: providers.map((p) => p.provide) };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Module({})
export class AppModule {
  static register(config: AppConfig, store: EventStore): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.register(config, store),
        LoggerModule.forRoot(loggerOptions(config)),
        CqrsModule.forRoot(),
        HealthModule,
      ],
      controllers: [MetricsController],
    };
  }
}
