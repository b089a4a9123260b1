import { ConfigError } from './config.error';
import { loadConfig, redactUrl } from './app-config';

describe('loadConfig', () => {
  it('defaults to embedded mode with data under ./data', () => {
    const config = loadConfig({});
    expect(config.kurrentdbUrl).toBeUndefined();
    expect(config.mongodbUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.port).toBe(3000);
    expect(config.production).toBe(false);
  });

  it('switches each part to its server independently', () => {
    const config = loadConfig({ KURRENTDB_URL: 'kurrentdb://127.0.0.1:2113?tls=false' });
    expect(config.kurrentdbUrl).toBe('kurrentdb://127.0.0.1:2113?tls=false');
    expect(config.mongodbUrl).toBeUndefined();
  });

  it('names the variable when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^PORT: /);
    expect(() => loadConfig({ MONGODB_URL: 'http://x' })).toThrow(/^MONGODB_URL: /);
    expect(() => loadConfig({ STARTUP_TIMEOUT_MS: '20000' })).toThrow(/^STARTUP_TIMEOUT_MS: /);
  });

  it('never repeats a password in a message', () => {
    expect(redactUrl('mongodb://user:secret@host:27017/db')).toBe(
      'mongodb://user:***@host:27017/db',
    );
    expect(() => loadConfig({ REDIS_URL: 'ftp://u:secret@h' })).toThrow(/^(?!.*secret)/);
  });

  it('gives /metrics a separate listen address only when asked', () => {
    expect(loadConfig({}).metrics).toBeUndefined();
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(loadConfig({ METRICS_HOST: '0.0.0.0', METRICS_PORT: '9464' }).metrics).toEqual({
      host: '0.0.0.0',
      port: 9464,
    });
    expect(() => loadConfig({ METRICS_HOST: '0.0.0.0' })).toThrow(/^METRICS_PORT: /);
    expect(() => loadConfig({ METRICS_PORT: '0' })).toThrow(/^METRICS_PORT: /);
  });

  it('runs the star-rating evaluation yearly on 15 January at 02:00 Beijing time by default', () => {
    const config = loadConfig({});
    expect(config.evaluationCron).toBe('0 2 15 1 *');
    expect(config.evaluationTz).toBe('Asia/Shanghai');
    expect(config.jobsPrefix).toBe('gongjian');
    expect(loadConfig({ EVALUATION_CRON: '0 3 1 * *', EVALUATION_TZ: 'UTC' })).toMatchObject({
      evaluationCron: '0 3 1 * *',
      evaluationTz: 'UTC',
    });
  });

  it('rates in 4 batches with a 5-day public notice under county-default by default', () => {
    expect(loadConfig({})).toMatchObject({
      evaluationBatches: 4,
      evaluationAppendChunkSize: 100,
      evaluationRuleSetId: 'county-default',
      ratingNoticeDays: 5,
      ratingFinalizeCron: '0 3 * * *',
    });
    expect(
      loadConfig({
        EVALUATION_BATCHES: '8',
        EVALUATION_RULE_SET: 'county-2026',
        RATING_NOTICE_DAYS: '7',
      }),
    ).toMatchObject({
      evaluationBatches: 8,
      evaluationRuleSetId: 'county-2026',
      ratingNoticeDays: 7,
    });
    expect(() => loadConfig({ EVALUATION_BATCHES: '0' })).toThrow(/^EVALUATION_BATCHES: /);
    expect(() => loadConfig({ EVALUATION_RULE_SET: 'County Default' })).toThrow(
      /^EVALUATION_RULE_SET: /,
    );
    expect(() => loadConfig({ RATING_FINALIZE_CRON: 'daily' })).toThrow(/^RATING_FINALIZE_CRON: /);
    expect(loadConfig({}).jobsLockMs).toBe(30_000);
    expect(() => loadConfig({ JOBS_LOCK_MS: '10' })).toThrow(/^JOBS_LOCK_MS: /);
  });

  it('refuses job settings that cannot work, naming the variable', () => {
    expect(() => loadConfig({ EVALUATION_CRON: 'every january' })).toThrow(/^EVALUATION_CRON: /);
    expect(() => loadConfig({ EVALUATION_TZ: 'Mars/Olympus' })).toThrow(/^EVALUATION_TZ: /);
    expect(() => loadConfig({ JOBS_PREFIX: 'a:b' })).toThrow(/^JOBS_PREFIX: /);
    expect(() => loadConfig({ JOBS_CONCURRENCY: '0' })).toThrow(/^JOBS_CONCURRENCY: /);
    expect(() => loadConfig({ JOBS_ATTEMPTS: 'many' })).toThrow(/^JOBS_ATTEMPTS: /);
  });

  it('late entry: 60 days of grace by default, LATE_ENTRY_GRACE_DAYS from 0 to 366', () => {
    expect(loadConfig({}).lateEntryGraceDays).toBe(60);
    expect(loadConfig({ LATE_ENTRY_GRACE_DAYS: '0' }).lateEntryGraceDays).toBe(0);
    expect(() => loadConfig({ LATE_ENTRY_GRACE_DAYS: '400' })).toThrow(/^LATE_ENTRY_GRACE_DAYS: /);
  });

  it('seed 003: the 空壳村 line is 5万元 (5000000 fen) unless HOLLOW_ECONOMY_THRESHOLD_FEN says otherwise', () => {
    expect(loadConfig({}).hollowEconomyThresholdFen).toBe(5_000_000);
    expect(loadConfig({ HOLLOW_ECONOMY_THRESHOLD_FEN: '10000000' }).hollowEconomyThresholdFen).toBe(
      10_000_000,
    );
    expect(() => loadConfig({ HOLLOW_ECONOMY_THRESHOLD_FEN: '5万' })).toThrow(
      /^HOLLOW_ECONOMY_THRESHOLD_FEN: /,
    );
  });

  it('keeps FUNDING_STANDARDS as given, for the funds module to read', () => {
    expect(loadConfig({}).fundingStandardsJson).toBeUndefined();
    expect(loadConfig({ FUNDING_STANDARDS: '{}' }).fundingStandardsJson).toBe('{}');
  });
});

describe('loadConfig: audit settings', () => {
  it('anchors daily at midnight in Asia/Shanghai by default, and never when "off"', () => {
    expect(loadConfig({}).auditAnchorSchedule).toEqual({
      cron: '0 0 * * *',
      timezone: 'Asia/Shanghai',
    });
    expect(
      loadConfig({ AUDIT_ANCHOR_CRON: '*/15 * * * *', AUDIT_ANCHOR_TZ: 'UTC' }).auditAnchorSchedule,
    ).toEqual({ cron: '*/15 * * * *', timezone: 'UTC' });
    expect(loadConfig({ AUDIT_ANCHOR_CRON: 'off' }).auditAnchorSchedule).toBeUndefined();
  });

  it('names the variable of a wrong schedule or key name', () => {
    expect(() => loadConfig({ AUDIT_ANCHOR_CRON: 'every day' })).toThrow(/^AUDIT_ANCHOR_CRON: /);
    expect(() => loadConfig({ AUDIT_ANCHOR_TZ: 'Mars/Olympus' })).toThrow(
      /^AUDIT_ANCHOR_(TZ|CRON): /,
    );
    expect(() => loadConfig({ AUDIT_LOG_ORIGIN: 'a b' })).toThrow(/^AUDIT_LOG_ORIGIN: /);
    expect(loadConfig({}).auditLogOrigin).toBe('gongjian.local/audit-log');
  });
});
