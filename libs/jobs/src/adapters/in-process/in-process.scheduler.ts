import { nextOccurrence } from '../../job-schedule';
import type { CronSchedule, JobTemplate, SchedulerInfo } from '../../job-queue.port';

/** Node timers overflow past 2^31-1 ms (~24.8 days); a yearly schedule waits in hops. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

interface ArmedScheduler {
  schedule: CronSchedule;
  template: JobTemplate;
  nextRunAt: Date;
  timer?: NodeJS.Timeout;
}

/**
 * Cron schedulers on timers: at each occurrence `fire` is called once with the occurrence, then
 * the next one is armed. Occurrences that passed while the process was not running are not
 * replayed, as with BullMQ's job schedulers.
 */
export class InProcessScheduler {
  private readonly schedulers = new Map<string, ArmedScheduler>();
  private stopped = false;

  constructor(
    private readonly fire: (schedulerId: string, template: JobTemplate, occurrence: Date) => void,
  ) {}

  upsert(schedulerId: string, schedule: CronSchedule, template: JobTemplate): void {
    this.remove(schedulerId);
    const armed: ArmedScheduler = {
      schedule: { ...schedule },
      template: { name: template.name, data: template.data },
      nextRunAt: nextOccurrence(schedule, new Date()),
    };
    this.schedulers.set(schedulerId, armed);
    this.arm(schedulerId, armed);
  }

  remove(schedulerId: string): boolean {
    const armed = this.schedulers.get(schedulerId);
    if (!armed) return false;
    clearTimeout(armed.timer);
    this.schedulers.delete(schedulerId);
    return true;
  }

  list(): SchedulerInfo[] {
    return [...this.schedulers].map(([schedulerId, armed]) => ({
      schedulerId,
      schedule: { ...armed.schedule },
      template: { name: armed.template.name, data: armed.template.data },
      nextRunAt: armed.nextRunAt,
    }));
  }

  stop(): void {
    this.stopped = true;
    for (const armed of this.schedulers.values()) clearTimeout(armed.timer);
  }

  private arm(schedulerId: string, armed: ArmedScheduler): void {
    if (this.stopped) return;
    const wait = armed.nextRunAt.getTime() - Date.now();
    if (wait > LONGEST_TIMER_MS) {
      armed.timer = setTimeout(() => this.arm(schedulerId, armed), LONGEST_TIMER_MS);
    } else {
      armed.timer = setTimeout(() => this.occur(schedulerId, armed), Math.max(0, wait));
    }
    armed.timer.unref();
  }

  private occur(schedulerId: string, armed: ArmedScheduler): void {
    if (this.schedulers.get(schedulerId) !== armed) return;
    const occurrence = armed.nextRunAt;
    armed.nextRunAt = nextOccurrence(armed.schedule, occurrence);
    this.arm(schedulerId, armed);
    this.fire(schedulerId, armed.template, occurrence);
  }
}
