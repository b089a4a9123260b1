import { resolve } from 'node:path';
import { CronExpressionParser } from 'cron-parser';
import { ConfigError } from './config.error';

export interface AppConfig {
  production: boolean;
  host: string;
  port: number;
  dataDir: string;
  logLevel: string;
  /** Server adapters; each undefined means that part runs embedded. */
  kurrentdbUrl?: string;
  mongodbUrl?: string;
  redisUrl?: string;
  /** Deadline for each call to a store server. */
  storeTimeoutMs: number;
  /** Deadline for reaching every configured server at startup (kept under 10 s). */
  startupTimeoutMs: number;
  bodyLimitBytes: number;
  /** API keys as inline JSON (API_KEYS) or a file path (API_KEYS_FILE); see the README. */
  apiKeysJson?: string;
  apiKeysFile?: string;
  /** AES-256 key (base64, 32 bytes) for personal data at rest. */
  personalDataKey?: string;
  /**
   * A separate listen address for `/metrics` (METRICS_HOST, METRICS_PORT), open to scrapers;
   * undefined when unset. In production `/metrics` on the API port needs an API key.
   */
  metrics?: { host: string; port: number };
  /**
   * Official working-day calendars that add to or replace, year by year, the ones built from
   * `chinese-days`: inline JSON (OFFICIAL_CALENDAR) or a file (OFFICIAL_CALENDAR_FILE) of
   * `{ "<year>": { "holidays": [dates], "workdays": [dates] } }`.
   */
  officialCalendarJson?: string;
  officialCalendarFile?: string;
  /**
   * Days after a pairing's term ends during which activities dated inside the term are still
   * accepted, marked as entered late (LATE_ENTRY_GRACE_DAYS).
   */
  lateEntryGraceDays: number;
  /** 空壳村: a village whose recorded collective income for a year is below this (fen). */
  hollowEconomyThresholdFen: number;
  /**
   * The county's funding standards as JSON (FUNDING_STANDARDS), replacing the defaults of the
   * standards it names; see the README.
   */
  fundingStandardsJson?: string;
  /** Most updates the MongoDB read-store adapter sends in one command (FerretDB's pool). */
  mongodbBulkChunkSize: number;
  /** Projections: 'embedded' (the api runs them) or 'off' (a worker runs them). */
  projections: 'embedded' | 'off';
  /** Readiness fails while a projection is further behind the log than this. */
  readyMaxLagEvents: number;
  readyMaxLagMs: number;
  /** How long a query with `minPosition` waits for the read models (then 504). */
  minPositionWaitMs: number;
  /** Events folded per projection batch. */
  projectionBatchSize: number;
  /** A projection's writer lease: lifetime, renewed at a third of it. */
  projectionLeaseMs: number;
  /**
   * During a rebuild on a server read store, events folded in memory before documents and the
   * checkpoint are written (a crash replays from the last write). Each write in the middle of a
   * rebuild replaces every document touched on both sides of it, one update each, which is
   * where a rebuild spends its time on a server (documents held are bounded separately).
   */
  projectionRebuildCommitEvents: number;
  /** A module exporting READ_MODELS to run instead of the built-in read models. */
  projectionsModule?: string;
  /** BullMQ key prefix in Redis (JOBS_PREFIX): separates deployments sharing one Redis. */
  jobsPrefix: string;
  /** Jobs one worker process runs at once. */
  jobsConcurrency: number;
  /** Deliveries of a job in all before it fails, unless the job says otherwise. */
  jobsAttempts: number;
  /** First retry delay; doubles on each further retry. */
  jobsBackoffMs: number;
  /** While Redis does not answer, how often the job queue checks it again. */
  jobsProbeIntervalMs: number;
  /**
   * A BullMQ worker's lock on a running job, renewed while it runs; a job whose worker died is
   * handed to another one after about this long (also the interval of the stalled-job check).
   */
  jobsLockMs: number;
  /** When the scheduled star-rating run starts: a cron expression read in `evaluationTz`. */
  evaluationCron: string;
  evaluationTz: string;
  /** Batch jobs an evaluation run fans out to (workers fold the log side by side). */
  evaluationBatches: number;
  /** Rating streams the run's last step appends to in one atomic append. */
  evaluationAppendChunkSize: number;
  /** The rule set a run uses when it names none. */
  evaluationRuleSetId: string;
  /** Length of a rating's public notice (公示), in days. */
  ratingNoticeDays: number;
  /** When provisional ratings whose notice is over are finalized (cron in `evaluationTz`). */
  ratingFinalizeCron: string;
  /**
   * Ed25519 private key (base64 of the 32-byte seed) that signs audit checkpoints
   * (AUDIT_SIGNING_KEY). Required in production; in development one is generated into DATA_DIR.
   */
  auditSigningKey?: string;
  /** Origin line of the checkpoints and name of the signing key (AUDIT_LOG_ORIGIN). */
  auditLogOrigin: string;
  /** When checkpoints are signed (AUDIT_ANCHOR_CRON, in AUDIT_ANCHOR_TZ); undefined: never. */
  auditAnchorSchedule?: { cron: string; timezone: string };
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env): AppConfig {
  return {
    production: env.NODE_ENV === 'production',
    host: env.HOST ?? '127.0.0.1',
    port: integer(env, 'PORT', 3000, 0, 65535),
    dataDir: resolve(env.DATA_DIR ?? './data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    kurrentdbUrl: url(env, 'KURRENTDB_URL', [
      'kurrentdb:',
      'kurrentdb+discover:',
      'esdb:',
      'esdb+discover:',
    ]),
    mongodbUrl: url(env, 'MONGODB_URL', ['mongodb:', 'mongodb+srv:']),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    storeTimeoutMs: integer(env, 'STORE_TIMEOUT_MS', 5000, 100, 600_000),
    startupTimeoutMs: integer(env, 'STARTUP_TIMEOUT_MS', 8000, 100, 9500),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 64 * 1_048_576),
    apiKeysJson: env.API_KEYS || undefined,
    apiKeysFile: env.API_KEYS_FILE || undefined,
    personalDataKey: env.PERSONAL_DATA_KEY || undefined,
    metrics: metricsAddress(env),
    officialCalendarJson: env.OFFICIAL_CALENDAR || undefined,
    officialCalendarFile: env.OFFICIAL_CALENDAR_FILE || undefined,
    lateEntryGraceDays: integer(env, 'LATE_ENTRY_GRACE_DAYS', 60, 0, 366),
    hollowEconomyThresholdFen: integer(
      env,
      'HOLLOW_ECONOMY_THRESHOLD_FEN',
      5_000_000,
      1,
      Number.MAX_SAFE_INTEGER,
    ),
    fundingStandardsJson: env.FUNDING_STANDARDS || undefined,
    mongodbBulkChunkSize: integer(env, 'MONGODB_BULK_CHUNK_SIZE', 32, 1, 1000),
    projections: oneOf(env, 'PROJECTIONS', ['embedded', 'off'] as const, 'embedded'),
    readyMaxLagEvents: integer(env, 'READY_MAX_LAG_EVENTS', 10_000, 0, 1_000_000_000),
    readyMaxLagMs: integer(env, 'READY_MAX_LAG_MS', 60_000, 0, 86_400_000),
    minPositionWaitMs: integer(env, 'MIN_POSITION_WAIT_MS', 5000, 0, 60_000),
    projectionBatchSize: integer(env, 'PROJECTION_BATCH_SIZE', 1000, 100, 1000),
    projectionLeaseMs: integer(env, 'PROJECTION_LEASE_MS', 15_000, 500, 600_000),
    projectionRebuildCommitEvents: integer(
      env,
      'PROJECTION_REBUILD_COMMIT_EVENTS',
      2_000_000,
      100,
      10_000_000,
    ),
    projectionsModule: env.PROJECTIONS_MODULE || undefined,
    jobsPrefix: jobsPrefix(env),
    jobsConcurrency: integer(env, 'JOBS_CONCURRENCY', 4, 1, 256),
    jobsAttempts: integer(env, 'JOBS_ATTEMPTS', 3, 1, 100),
    jobsBackoffMs: integer(env, 'JOBS_BACKOFF_MS', 5000, 0, 3_600_000),
    jobsProbeIntervalMs: integer(env, 'JOBS_PROBE_INTERVAL_MS', 2000, 100, 600_000),
    jobsLockMs: integer(env, 'JOBS_LOCK_MS', 30_000, 500, 600_000),
    evaluationCron: cron(env, 'EVALUATION_CRON', '0 2 15 1 *'),
    evaluationTz: timeZone(env, 'EVALUATION_TZ', 'Asia/Shanghai'),
    evaluationBatches: integer(env, 'EVALUATION_BATCHES', 4, 1, 256),
    evaluationAppendChunkSize: integer(env, 'EVALUATION_APPEND_CHUNK', 100, 1, 1000),
    evaluationRuleSetId: ruleSetId(env, 'EVALUATION_RULE_SET', 'county-default'),
    ratingNoticeDays: integer(env, 'RATING_NOTICE_DAYS', 5, 0, 90),
    ratingFinalizeCron: cron(env, 'RATING_FINALIZE_CRON', '0 3 * * *'),
    auditSigningKey: env.AUDIT_SIGNING_KEY || undefined,
    auditLogOrigin: keyName(env, 'AUDIT_LOG_ORIGIN', 'gongjian.local/audit-log'),
    auditAnchorSchedule: anchorSchedule(env),
  };
}

function jobsPrefix(env: Env): string {
  const raw = env.JOBS_PREFIX;
  if (raw === undefined || raw === '') return 'gongjian';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(raw)) {
    throw new ConfigError(
      'JOBS_PREFIX',
      `expected 1 to 64 letters, digits, "_", "." or "-", got "${raw}"`,
    );
  }
  return raw;
}

function ruleSetId(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(raw))
    throw new ConfigError(
      name,
      `expected a rule set id (lowercase letters, digits, "-"), got "${raw}"`,
    );
  return raw;
}

function cron(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  try {
    CronExpressionParser.parse(raw.trim()).next();
  } catch (error) {
    throw new ConfigError(name, `not a cron expression: "${raw}" (${(error as Error).message})`);
  }
  return raw.trim();
}

function timeZone(env: Env, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: raw });
  } catch {
    throw new ConfigError(name, `not an IANA time zone: "${raw}"`);
  }
  return raw;
}

/** Daily at midnight, Asia/Shanghai, unless AUDIT_ANCHOR_CRON says otherwise ("off": never). */
function anchorSchedule(env: Env): AppConfig['auditAnchorSchedule'] {
  const cron = env.AUDIT_ANCHOR_CRON || '0 0 * * *';
  const timezone = env.AUDIT_ANCHOR_TZ || 'Asia/Shanghai';
  if (cron === 'off') return undefined;
  try {
    CronExpressionParser.parse(cron, { tz: timezone }).next();
  } catch (error) {
    const name = /time ?zone|tz/i.test(String(error)) ? 'AUDIT_ANCHOR_TZ' : 'AUDIT_ANCHOR_CRON';
    throw new ConfigError(name, `not a usable schedule: "${cron}" in ${timezone}`);
  }
  return { cron, timezone };
}

/** A signed-note key name: non-empty, no spaces, no "+". */
function keyName(env: Env, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  if (/[\s+]/u.test(raw)) throw new ConfigError(name, `no spaces or "+" allowed, got "${raw}"`);
  return raw;
}

function metricsAddress(env: Env): AppConfig['metrics'] {
  if (!env.METRICS_PORT && !env.METRICS_HOST) return undefined;
  if (!env.METRICS_PORT) throw new ConfigError('METRICS_PORT', 'METRICS_HOST needs a METRICS_PORT');
  return { host: env.METRICS_HOST || '127.0.0.1', port: integer(env, 'METRICS_PORT', 0, 1, 65535) };
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `expected an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, values: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(values as readonly string[]).includes(raw))
    throw new ConfigError(name, `expected ${values.join(' or ')}, got "${raw}"`);
  return raw as T;
}

function url(env: Env, name: string, schemes: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, `not a URL: "${redactUrl(raw)}"`);
  }
  if (!schemes.includes(parsed.protocol)) {
    throw new ConfigError(name, `expected ${schemes.join(' or ')} URL, got "${redactUrl(raw)}"`);
  }
  return raw;
}

/** The address without credentials, for messages and logs. */
export function redactUrl(raw: string): string {
  try {
    const parsed = new URL(raw);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return raw.replace(/\/\/[^@/]*@/, '//***@');
  }
}
