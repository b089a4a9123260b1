import { CronExpressionParser } from 'cron-parser';
import { InvalidScheduleError } from './job-queue.errors';
import type { CronSchedule } from './job-queue.port';

/** Throws InvalidScheduleError unless the cron expression and the time zone both parse. */
export function assertCronSchedule(schedulerId: string, schedule: CronSchedule): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: schedule.tz });
  } catch {
    throw new InvalidScheduleError(schedulerId, `unknown time zone "${schedule.tz}"`);
  }
  try {
    CronExpressionParser.parse(schedule.cron, { tz: schedule.tz, strict: false }).next();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InvalidScheduleError(schedulerId, `cron "${schedule.cron}": ${reason}`);
  }
}

/** The first occurrence strictly after `after`. */
export function nextOccurrence(schedule: CronSchedule, after: Date): Date {
  return CronExpressionParser.parse(schedule.cron, { tz: schedule.tz, currentDate: after })
    .next()
    .toDate();
}

/**
 * Every occurrence in (after, until], oldest first: what a caller enqueues at start to make up
 * for runs missed while nothing was running (schedulers never replay them).
 */
export function cronOccurrences(schedule: CronSchedule, after: Date, until: Date): Date[] {
  if (until.getTime() <= after.getTime()) return [];
  const expression = CronExpressionParser.parse(schedule.cron, {
    tz: schedule.tz,
    currentDate: after,
    endDate: until,
  });
  const occurrences: Date[] = [];
  while (expression.hasNext()) occurrences.push(expression.next().toDate());
  return occurrences;
}
