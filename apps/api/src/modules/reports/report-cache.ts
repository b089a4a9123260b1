import { LRUCache } from 'lru-cache';
import type { ReportTable } from '@gongjian/projections';

/**
 * Yearly tables kept for a short time (`REPORT_CACHE_MS`), so that many readers of the same
 * table share one find; concurrent requests for a table being built wait for that build. A
 * request with `minPosition`, or one that waited for its caller's own write, always builds
 * afresh, after its wait, so read-your-writes holds.
 */
export class ReportCache {
  private readonly tables?: LRUCache<string, ReportTable, () => Promise<ReportTable>>;

  constructor(ttlMs: number) {
    if (ttlMs > 0) {
      this.tables = new LRUCache({
        max: 500,
        ttl: ttlMs,
        fetchMethod: (_key, _stale, { context }) => context(),
      });
    }
  }

  async get(key: string, build: () => Promise<ReportTable>, fresh: boolean): Promise<ReportTable> {
    if (!this.tables) return build();
    if (fresh) {
      const table = await build();
      this.tables.set(key, table);
      return table;
    }
    // A fresh table stored meanwhile abandons a shared build under way; its readers take that table.
    for (;;) {
      const status: LRUCache.Status<string, ReportTable> = {};
      try {
        return (await this.tables.fetch(key, { context: build, status }))!;
      } catch (error) {
        if (!status.fetchAborted) throw error;
      }
    }
  }
}
