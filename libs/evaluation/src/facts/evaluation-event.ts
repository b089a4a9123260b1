/**
 * The part of a recorded event the engine reads: it takes events in and returns results, and
 * knows nothing of where they are stored.
 */
export interface EvaluationEvent {
  eventId: string;
  streamId: string;
  position: string;
  type: string;
  data: Record<string, unknown>;
  metadata: { occurredAt: string };
}
