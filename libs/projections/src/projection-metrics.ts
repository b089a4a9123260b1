import { Counter, Gauge, Registry } from 'prom-client';

/** Lag and progress per projection, for /metrics (and readiness). */
export function createProjectionMetrics(registry: Registry) {
  const registers = [registry];
  return {
    positionLag: new Gauge({
      name: 'gongjian_projection_position_lag_events',
      help: 'Events in the log after the projection checkpoint (head - checkpoint), where positions allow counting',
      labelNames: ['projection'] as const,
      registers,
    }),
    timeLag: new Gauge({
      name: 'gongjian_projection_time_lag_seconds',
      help: 'How long the oldest event not yet applied has been recorded (0 when caught up)',
      labelNames: ['projection'] as const,
      registers,
    }),
    lastAppliedAge: new Gauge({
      name: 'gongjian_projection_last_applied_event_age_seconds',
      help: 'now - recordedAt of the last event the projection applied',
      labelNames: ['projection'] as const,
      registers,
    }),
    resubscriptions: new Counter({
      name: 'gongjian_projection_resubscriptions_total',
      help: 'Times the projection subscription reconnected after an outage or restarted after an error',
      labelNames: ['projection'] as const,
      registers,
    }),
    eventsApplied: new Counter({
      name: 'gongjian_projection_events_total',
      help: 'Events the projection has processed',
      labelNames: ['projection'] as const,
      registers,
    }),
    documentsWritten: new Counter({
      name: 'gongjian_projection_documents_written_total',
      help: 'Read-model documents written (skipped-as-newer not counted)',
      labelNames: ['projection'] as const,
      registers,
    }),
    errors: new Counter({
      name: 'gongjian_projection_errors_total',
      help: 'Failed batches (the projection resumes from its checkpoint)',
      labelNames: ['projection'] as const,
      registers,
    }),
  };
}

export type ProjectionMetrics = ReturnType<typeof createProjectionMetrics>;
