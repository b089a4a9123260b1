import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, EventStore } from '@gongjian/event-store';

@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(key = 'eventStore') {
    const indicator = this.indicators.check(key);
    try {
      await this.store.ping();
      return indicator.up({ engine: this.store.engine });
    } catch (error) {
      return indicator.down({ engine: this.store.engine, message: (error as Error).message });
    }
  }
}
