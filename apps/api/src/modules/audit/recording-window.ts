import { addDays, shanghaiMidnight } from '@gongjian/domain';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A `from` or `to` of the recording time as an instant. A date alone is a whole day of the
 * county's calendar (Asia/Shanghai): `from` its start, `to` the end of it, so `from=D&to=D` is
 * day D. An instant is taken as given: `from` inclusive, `to` exclusive.
 */
export function recordingBound(value: string, side: 'from' | 'to'): string {
  if (!DATE_ONLY.test(value)) return new Date(value).toISOString();
  return shanghaiMidnight(side === 'from' ? value : addDays(value, 1));
}
