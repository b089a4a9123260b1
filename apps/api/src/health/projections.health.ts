import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE, EventStore } from '@gongjian/event-store';
import { ProjectionControl, projectionStatuses, ReadModelProjection } from '@gongjian/projections';
import type { DocumentStore } from '@gongjian/read-store';
import {
  DOCUMENT_STORE,
  READ_MODEL_PROJECTIONS,
  READ_SIDE_SETTINGS,
  ReadSideSettings,
} from '../projections/read-side.settings';

/** Ready only while the read store answers and every projection is within its lag limits. */
@Injectable()
export class ProjectionsHealthIndicator {
  private readonly control: ProjectionControl;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(READ_MODEL_PROJECTIONS) private readonly projections: readonly ReadModelProjection[],
    @Inject(READ_SIDE_SETTINGS) private readonly settings: ReadSideSettings,
    private readonly indicators: HealthIndicatorService,
  ) {
    this.control = new ProjectionControl(store);
  }

  async check(key = 'readModels') {
    const indicator = this.indicators.check(key);
    try {
      await this.store.ping();
      const statuses = await projectionStatuses(this.events, this.control, this.projections);
      const lagging = statuses
        .filter(
          (s) =>
            (s.lagEvents ?? 0) > this.settings.readyMaxLagEvents ||
            s.lagMs > this.settings.readyMaxLagMs,
        )
        .map((s) => ({ projection: s.name, lagEvents: s.lagEvents, lagMs: s.lagMs }));
      const details = { engine: this.store.engine, projections: this.settings.projections };
      return lagging.length
        ? indicator.down({ ...details, message: 'read models are behind the log', lagging })
        : indicator.up(details);
    } catch (error) {
      return indicator.down({
        engine: this.store.engine,
        message: `read store unreachable: ${(error as Error).message.split('\n')[0]}`,
      });
    }
  }
}
