import {
  BranchRatedData,
  DomainError,
  RateBranch,
  RatingCommand,
  ratingDecider,
  RatingErrorCode,
  ratingStreamId,
} from '@gongjian/domain';
import { CommandMetadata, DecisionRunner, domainCommand } from '@gongjian/write-side';

/** Refusals that leave a branch as it is without failing the others of its chunk. */
export const SETTLED_RATING_CODES: readonly string[] = [
  RatingErrorCode.RATING_ALREADY_FINAL,
  RatingErrorCode.RATING_ALREADY_REVOKED,
];

const refusedWith = (error: unknown, codes: readonly string[]): boolean =>
  error instanceof DomainError && codes.includes(error.code);

/**
 * Decides one rating command per branch on each branch's `rating-<orgId>` stream and appends
 * them together: one atomic multi-stream append per chunk, each stream at the revision it was
 * read at (a conflict decides the chunk again). A branch the decider leaves alone (already
 * rated by this run, or already final) adds nothing to the append.
 */
export class RatingRecorder {
  constructor(
    private readonly runner: DecisionRunner,
    private readonly chunkSize: number,
  ) {}

  /** Records each run result; answers the branches whose rating was settled and left as it was. */
  async rate(
    ratings: readonly Omit<BranchRatedData, 'noticeEndsOn'>[],
    noticeDays: number,
    metadata: () => CommandMetadata,
    onChunk?: (done: number) => Promise<void>,
  ): Promise<string[]> {
    const skipped: string[] = [];
    await this.inChunks(
      ratings.map((rating) => ({
        organizationId: rating.organizationId,
        command: (meta: CommandMetadata) =>
          domainCommand<RateBranch>('RateBranch', { rating, noticeDays }, meta),
      })),
      metadata,
      SETTLED_RATING_CODES,
      (organizationId) => skipped.push(organizationId),
      onChunk,
    );
    return skipped;
  }

  /**
   * Decides `command` for each branch, chunk by chunk; a branch whose command is refused with
   * one of `leaveAloneCodes` is left out of the append and told to `leftAlone`. Answers how many
   * branches got new events.
   */
  async inChunks(
    items: readonly { organizationId: string; command: (meta: CommandMetadata) => RatingCommand }[],
    metadata: () => CommandMetadata,
    leaveAloneCodes: readonly string[],
    leftAlone: (organizationId: string) => void,
    onChunk?: (done: number) => Promise<void>,
  ): Promise<number> {
    let changed = 0;
    for (let from = 0; from < items.length; from += this.chunkSize) {
      const chunk = items.slice(from, from + this.chunkSize);
      const meta = metadata();
      const streams = chunk.map((item) => ratingStreamId(item.organizationId));
      let refused = new Set<string>();
      let decided = 0;
      await this.runner.runAcross({
        id: chunk[0].organizationId,
        streamId: streams[0],
        writes: streams.slice(1),
        metadata: meta,
        ignoreIfMatch: true,
        decide: async (session) => {
          refused = new Set();
          decided = 0;
          // Read every stream of the chunk at once; deciding then needs no further round trip.
          await Promise.all(streams.map((stream) => session.state(stream, ratingDecider)));
          for (const item of chunk) {
            try {
              const events = await session.decide(
                ratingStreamId(item.organizationId),
                ratingDecider,
                () => item.command(meta),
              );
              if (events.length > 0) decided++;
            } catch (error) {
              // Nothing was decided on this stream: the chunk goes on without it.
              if (!refusedWith(error, leaveAloneCodes)) throw error;
              refused.add(item.organizationId);
            }
          }
        },
      });
      for (const organizationId of refused) leftAlone(organizationId);
      changed += decided;
      await onChunk?.(from + chunk.length);
    }
    return changed;
  }
}
