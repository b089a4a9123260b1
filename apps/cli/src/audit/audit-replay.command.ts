import { AsOf, replayAsOf } from '@gongjian/audit';
import type { EventStore } from '@gongjian/event-store';
import type { Out } from './audit-verify.command';

/**
 * `--as-of` takes a business date (what was true on that date: occurredAt up to its end in
 * Asia/Shanghai) or an instant (what the record said then: recordedAt); `--occurred` reads an
 * instant on the business axis instead.
 */
export function asOfOption(value: string, occurred = false): AsOf {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return { occurredAt: value };
  if (!isoInstant(value))
    throw new Error(`--as-of is neither a date (YYYY-MM-DD) nor an ISO-8601 instant: ${value}`);
  return occurred ? { occurredAt: value } : { recordedAt: value };
}

const isoInstant = (value: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
  !Number.isNaN(Date.parse(value));

export async function replayStream(
  store: EventStore,
  streamId: string,
  asOf: AsOf,
  out: Out,
): Promise<number> {
  const replay = await replayAsOf(store, streamId, asOf);
  if (!replay) {
    process.stderr.write(`gongjian: the log has no stream ${streamId}\n`);
    return 2;
  }
  const { events, ...rest } = replay;
  out(
    JSON.stringify({
      ...rest,
      events: events.length,
      lastPosition: events.at(-1)?.position ?? null,
    }),
  );
  return 0;
}
