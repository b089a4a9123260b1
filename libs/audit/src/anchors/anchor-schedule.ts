import { CronExpressionParser } from 'cron-parser';

/** Node's timers take at most 2^31 - 1 ms; longer waits are taken in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

export interface AnchorScheduleLog {
  info(message: string): void;
  error(message: string): void;
}

/**
 * Runs a job on a cron schedule in this process (daily by default), until the job port takes it
 * over: `run` is the whole job, so moving it there means registering the same function. As with
 * the job port's schedulers, runs missed while the process was down are not replayed, and a
 * failing run is logged and waits for the next one.
 */
export class AnchorSchedule {
  private timer?: NodeJS.Timeout;
  private stopped = true;

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly cron: string,
    private readonly timezone: string,
    private readonly log: AnchorScheduleLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  nextRunAfter(instant: Date): Date {
    return CronExpressionParser.parse(this.cron, { currentDate: instant, tz: this.timezone })
      .next()
      .toDate();
  }

  start(): void {
    this.stopped = false;
    this.scheduleNext();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private scheduleNext(): void {
    if (this.stopped) return;
    const due = this.nextRunAfter(this.now());
    this.waitUntil(due);
  }

  private waitUntil(due: Date): void {
    const wait = due.getTime() - this.now().getTime();
    this.timer = setTimeout(
      () => (wait > LONGEST_TIMER_MS ? this.waitUntil(due) : void this.fire()),
      Math.max(0, Math.min(wait, LONGEST_TIMER_MS)),
    );
    this.timer.unref();
  }

  private async fire(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.run();
    } catch (error) {
      this.log.error(`scheduled audit checkpoint failed: ${(error as Error).message}`);
    }
    this.scheduleNext();
  }
}
