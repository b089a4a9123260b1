import { AnchorSchedule } from './anchor-schedule';

describe('AnchorSchedule', () => {
  afterEach(() => jest.useRealTimers());
  const log = { info: jest.fn(), error: jest.fn() };

  it('runs daily at midnight in Asia/Shanghai', () => {
    const schedule = new AnchorSchedule(async () => undefined, '0 0 * * *', 'Asia/Shanghai', log);
    expect(schedule.nextRunAfter(new Date('2026-12-01T10:00:00Z')).toISOString()).toBe(
      '2026-12-01T16:00:00.000Z',
    );
    expect(schedule.nextRunAfter(new Date('2026-12-01T16:00:00Z')).toISOString()).toBe(
      '2026-12-02T16:00:00.000Z',
    );
  });

  it('runs the job when due, keeps going after a failure, and stops', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T15:59:00Z') });
    const run = jest
      .fn()
      .mockRejectedValueOnce(new Error('store unavailable'))
      .mockResolvedValue(undefined);
    const schedule = new AnchorSchedule(
      run,
      '0 0 * * *',
      'Asia/Shanghai',
      log,
      () => new Date(Date.now()),
    );
    schedule.start();
    await jest.advanceTimersByTimeAsync(59_000);
    expect(run).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);
    expect(log.error).toHaveBeenCalledWith('scheduled audit checkpoint failed: store unavailable');
    await jest.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(run).toHaveBeenCalledTimes(2);
    schedule.stop();
    await jest.advanceTimersByTimeAsync(48 * 3_600_000);
    expect(run).toHaveBeenCalledTimes(2);
  });
});
