import { Command, Decider, DomainEvent } from '../shared/decider';

/**
 * Stream `evaluation-<period>`: the runs of one period. A run is keyed by (period, rule set and
 * hash, cut-off position); `runId` is derived from that key, so asking again adds nothing.
 */
export type EvaluationRunKey = {
  runId: string;
  period: string;
  ruleSetId: string;
  ruleSetVersion: number;
  ruleSetHash: string;
  cutoffPosition: string;
};

export type EvaluationRequestedData = EvaluationRunKey & {
  trigger: 'api' | 'scheduler' | 'startup';
};
export type EvaluationCompletedData = {
  runId: string;
  period: string;
  rated: number;
  byStars: Record<string, number>;
  /** Branches whose rating for the period was already final or revoked, left as they were. */
  skipped: string[];
};
export type EvaluationFailedData = { runId: string; period: string; reason: string };

export type EvaluationRequested = DomainEvent<'EvaluationRequested', EvaluationRequestedData>;
export type EvaluationCompleted = DomainEvent<'EvaluationCompleted', EvaluationCompletedData>;
export type EvaluationFailed = DomainEvent<'EvaluationFailed', EvaluationFailedData>;
export type EvaluationRunEvent = EvaluationRequested | EvaluationCompleted | EvaluationFailed;
export const EVALUATION_RUN_EVENT_TYPES = [
  'EvaluationRequested',
  'EvaluationCompleted',
  'EvaluationFailed',
] as const;

export type EvaluationRunCommand =
  | Command<'RequestEvaluation', EvaluationRequestedData>
  | Command<'CompleteEvaluation', EvaluationCompletedData>
  | Command<'FailEvaluation', EvaluationFailedData>;

export interface EvaluationRunsState {
  runs: Record<string, { key: EvaluationRunKey; status: 'requested' | 'completed' | 'failed' }>;
}

export const evaluationStreamId = (period: string) => `evaluation-${period}`;

export const evaluationRunDecider: Decider<
  EvaluationRunCommand,
  EvaluationRunsState,
  EvaluationRunEvent
> = {
  initialState: () => ({ runs: {} }),
  decide(command, state) {
    const run = state.runs[command.data.runId];
    switch (command.type) {
      case 'RequestEvaluation':
        // A failed run may be asked for again (its job runs under a new attempt id).
        return run && run.status !== 'failed'
          ? []
          : [{ type: 'EvaluationRequested', data: { ...command.data } }];
      case 'CompleteEvaluation':
        return run?.status === 'completed'
          ? []
          : [{ type: 'EvaluationCompleted', data: { ...command.data } }];
      case 'FailEvaluation':
        return run?.status === 'requested'
          ? [{ type: 'EvaluationFailed', data: { ...command.data } }]
          : [];
    }
  },
  evolve(state, event) {
    const runId = event.data.runId;
    if (event.type === 'EvaluationRequested') {
      const { trigger: _trigger, ...key } = event.data;
      return { runs: { ...state.runs, [runId]: { key, status: 'requested' } } };
    }
    const run = state.runs[runId];
    if (!run) return state;
    const status = event.type === 'EvaluationCompleted' ? 'completed' : 'failed';
    return { runs: { ...state.runs, [runId]: { ...run, status } } };
  },
};
