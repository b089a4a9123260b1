import { FinalizeRating, RatingErrorCode, shanghaiDate } from '@gongjian/domain';
import { RATINGS, type ReadModelReader } from '@gongjian/projections';
import { domainCommand } from '@gongjian/write-side';
import { systemMetadata } from './evaluation-runs';
import { RatingRecorder } from './rating-recorder';

const PAGE = 500;

/**
 * Finalizes every provisional rating whose public notice (公示) ended before today. The ratings
 * read model says which ones are due; the rating stream decides (a rating replaced by a later
 * run whose notice runs on, or revoked meanwhile, is left as it is).
 */
export class RatingFinalizer {
  constructor(
    private readonly reader: ReadModelReader,
    private readonly recorder: RatingRecorder,
  ) {}

  /** `now`: the moment that decides which notices are over (the business date in Asia/Shanghai). */
  async finalizeDue(now: Date = new Date()): Promise<{ finalized: number }> {
    const today = shanghaiDate(now.toISOString());
    const ratings = await this.reader.collection('ratings', RATINGS);
    let finalized = 0;
    let after: string | undefined;
    for (;;) {
      const due = await ratings.find(
        {
          status: 'provisional',
          noticeEndsOn: { $lt: today },
          ...(after !== undefined && { _id: { $gt: after } }),
        },
        { sort: [['_id', 1]], limit: PAGE },
      );
      if (due.length === 0) return { finalized };
      finalized += await this.recorder.inChunks(
        due.map((doc) => {
          const ref = { organizationId: String(doc.organizationId), period: String(doc.period) };
          return {
            organizationId: ref.organizationId,
            command: (meta) => domainCommand<FinalizeRating>('FinalizeRating', ref, meta),
          };
        }),
        () => systemMetadata(now.toISOString()),
        [RatingErrorCode.NOTICE_PERIOD_NOT_OVER, RatingErrorCode.RATING_ALREADY_REVOKED],
        () => undefined,
      );
      after = due[due.length - 1]._id;
    }
  }
}
