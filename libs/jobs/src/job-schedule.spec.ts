import { InvalidScheduleError } from './job-queue.errors';
import { assertCronSchedule, cronOccurrences, nextOccurrence } from './job-schedule';

const yearly = { cron: '0 2 15 1 *', tz: 'Asia/Shanghai' };

describe('cron schedules', () => {
  it('reads the cron in its time zone: 02:00 in Beijing is 18:00 UTC the day before', () => {
    expect(nextOccurrence(yearly, new Date('2026-01-01T00:00:00Z')).toISOString()).toBe(
      '2026-01-14T18:00:00.000Z',
    );
  });

  it('lists the occurrences missed between two instants, for the caller to enqueue', () => {
    const missed = cronOccurrences(
      yearly,
      new Date('2024-01-14T18:00:00Z'),
      new Date('2027-03-01T00:00:00Z'),
    );
    expect(missed.map((d) => d.toISOString())).toEqual([
      '2025-01-14T18:00:00.000Z',
      '2026-01-14T18:00:00.000Z',
      '2027-01-14T18:00:00.000Z',
    ]);
    expect(cronOccurrences(yearly, new Date('2027-03-01Z'), new Date('2027-03-01Z'))).toEqual([]);
  });

  it('refuses a cron or a time zone that does not parse', () => {
    expect(() => assertCronSchedule('s', { cron: '61 * * * *', tz: 'UTC' })).toThrow(
      InvalidScheduleError,
    );
    expect(() => assertCronSchedule('s', { cron: '0 2 15 1 *', tz: 'Asia/Nowhere' })).toThrow(
      /time zone/,
    );
    expect(() => assertCronSchedule('s', yearly)).not.toThrow();
  });
});
