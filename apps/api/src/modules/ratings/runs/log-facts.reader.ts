import type { EventStore } from '@gongjian/event-store';
import {
  EvaluationFacts,
  EvaluationFactsFolder,
  ScoringIndex,
  scoringIndex,
} from '@gongjian/evaluation';
import { upcast } from '@gongjian/write-side';

const PAGE = 5000;

export interface FoldedLog {
  facts: EvaluationFacts;
  index: ScoringIndex;
}

/**
 * Folds the log up to a cut-off, page by page, into the engine's facts. The last fold is kept:
 * the batches of one run share it, so a worker reads the log once per run, not once per batch.
 */
export class LogFactsReader {
  private last?: { key: string; facts: Promise<FoldedLog> };

  constructor(private readonly store: EventStore) {}

  facts(period: string, cutoffPosition: string): Promise<FoldedLog> {
    const key = `${period}@${cutoffPosition}`;
    if (this.last?.key !== key) {
      const facts = this.fold(period, cutoffPosition).then((folded) => ({
        facts: folded,
        index: scoringIndex(folded),
      }));
      this.last = { key, facts };
      facts.catch(() => {
        if (this.last?.key === key) this.last = undefined;
      });
    }
    return this.last.facts;
  }

  private async fold(period: string, cutoffPosition: string): Promise<EvaluationFacts> {
    const folder = new EvaluationFactsFolder(period, cutoffPosition);
    let from: string | undefined;
    for (;;) {
      const page = await this.store.readAll({ fromPosition: from, limit: PAGE });
      for (const event of page) {
        if (event.position > cutoffPosition) return folder.facts();
        const { data } = upcast(event);
        folder.apply({ ...event, data });
      }
      if (page.length < PAGE) return folder.facts();
      from = page[page.length - 1].position;
    }
  }
}
