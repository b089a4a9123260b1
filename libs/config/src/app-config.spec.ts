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
