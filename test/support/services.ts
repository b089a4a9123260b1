import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { relative } from 'node:path';

/**
 * Server-backed tests: run against a real server when its variable is set, skip with one
 * visible line when it is not, and fail instead of skipping when REQUIRE_SERVICES names the
 * service (CI sets REQUIRE_SERVICES=redis,mongodb). A variable that is set but points at an
 * address that does not answer always fails.
 *
 *   describeWithService('mongodb', 'MONGODB_URL', (url) => {
 *     let client: MongoClient;
 *     beforeAll(async () => { client = await new MongoClient(url).connect(); });
 *     afterAll(async () => { await client?.close(); });
 *     it('...', async () => { ... });
 *   });
 *
 * Open clients in hooks, never in the describe body itself: in a skipped suite the body still
 * runs (so its tests are listed as skipped), with an empty url, and no hook or test runs.
 */

export type ServiceName = 'mongodb' | 'redis' | 'kurrentdb';

export interface ServiceAddress {
  host: string;
  port: number;
}

export interface DescribeWithServiceOptions {
  /** Suite title; defaults to "<service> (<envVar>)". */
  title?: string;
}

const DEFAULT_PORTS: Record<string, number> = {
  mongodb: 27017,
  redis: 6379,
  rediss: 6379,
  kurrentdb: 2113,
  'kurrentdb+discover': 2113,
  esdb: 2113,
  'esdb+discover': 2113,
};

/** Services named in REQUIRE_SERVICES (comma or space separated; `all` names every one). */
export function requiredServices(env: NodeJS.ProcessEnv = process.env): Set<string> {
  return new Set(
    (env.REQUIRE_SERVICES ?? '')
      .split(/[\s,]+/)
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== ''),
  );
}

export function isServiceRequired(
  service: ServiceName,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  const required = requiredServices(env);
  return required.has(service) || required.has('all');
}

/** The variable's value, or undefined when it is unset or blank. */
export function serviceUrl(
  envVar: string,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  const value = env[envVar]?.trim();
  return value ? value : undefined;
}

/** The address without the password, for messages. */
export function redactServiceUrl(url: string): string {
  return url.replace(
    /^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*)@/i,
    (_all, scheme: string, auth: string) =>
      auth.includes(':')
        ? `${scheme}${auth.slice(0, auth.indexOf(':'))}:***@`
        : `${scheme}${auth}@`,
  );
}

/**
 * The first host:port of a server URL (`scheme://[user[:pass]@]host[:port][,host2...]/...`),
 * with the scheme's default port. Undefined for DNS-seeded URLs (`+srv`), which name no
 * address to probe. Throws when the text is not a server URL at all.
 */
export function serviceAddress(url: string): ServiceAddress | undefined {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i.exec(url);
  if (!match) throw new Error(`not a server URL: "${redactServiceUrl(url)}"`);
  const scheme = match[1].toLowerCase();
  if (scheme.endsWith('+srv')) return undefined;
  const authority = match[2];
  const hosts = authority.slice(authority.lastIndexOf('@') + 1);
  const first = hosts.split(',')[0];
  const hostPort = /^\[([^\]]+)\](?::(\d+))?$/.exec(first) ?? /^([^:]+)(?::(\d+))?$/.exec(first);
  if (!hostPort) throw new Error(`no host in "${redactServiceUrl(url)}"`);
  const port = hostPort[2] ? Number(hostPort[2]) : DEFAULT_PORTS[scheme];
  if (!port) throw new Error(`no port in "${redactServiceUrl(url)}" and no default for ${scheme}`);
  return { host: hostPort[1], port };
}

const PROBE_SCRIPT = `
const net = require('node:net');
const [host, port, ms] = process.argv.slice(1);
const socket = net.connect({ host, port: Number(port) });
socket.setTimeout(Number(ms), () => { process.stdout.write('no answer within ' + ms + ' ms'); process.exit(2); });
socket.on('connect', () => { socket.destroy(); process.exit(0); });
socket.on('error', (e) => { process.stdout.write(e.code || e.message); process.exit(1); });
`;

const probeCache = new Map<string, string | null>();

/**
 * Whether a TCP connection to the address opens: null when it does, otherwise the reason.
 * Synchronous (a short child process), so suites can decide what to register up front.
 */
export function probeAddress(address: ServiceAddress, timeoutMs = probeTimeoutMs()): string | null {
  const key = `${address.host}:${address.port}`;
  const cached = probeCache.get(key);
  if (cached !== undefined) return cached;
  const result = spawnSync(
    process.execPath,
    ['-e', PROBE_SCRIPT, address.host, String(address.port), String(timeoutMs)],
    { encoding: 'utf8', timeout: timeoutMs + 5000 },
  );
  let reason: string | null;
  if (result.status === 0) reason = null;
  else if (result.error) reason = result.error.message;
  else reason = result.stdout.trim() || `probe exited with ${result.status ?? result.signal}`;
  probeCache.set(key, reason);
  return reason;
}

function probeTimeoutMs(): number {
  const value = Number(process.env.SERVICE_PROBE_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : 3000;
}

/** A fresh name for a collection, queue or stream, safe to use on a shared server. */
export function uniqueResourceName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

function currentTestFile(): string | undefined {
  try {
    const testPath = expect.getState().testPath;
    return testPath ? relative(process.cwd(), testPath) : undefined;
  } catch {
    return undefined;
  }
}

function failingSuite(title: string, testName: string, message: string): void {
  describe(title, () => {
    it(testName, () => {
      const error = new Error(message);
      error.name = 'ServiceUnavailable';
      error.stack = `${error.name}: ${message}`;
      throw error;
    });
  });
}

/** Why the service cannot be used, or null when its tests can run against `url`. */
function unreachableReason(envVar: string, url: string): string | null {
  let address: ServiceAddress | undefined;
  try {
    address = serviceAddress(url);
  } catch (error) {
    return `${envVar} is set but is not usable: ${(error as Error).message}`;
  }
  if (!address) return null;
  const reason = probeAddress(address);
  if (reason === null) return null;
  const where = address.host.includes(':') ? `[${address.host}]` : address.host;
  return (
    `${envVar}=${redactServiceUrl(url)} is set but ${where}:${address.port} is not reachable ` +
    `(${reason}): start that server, or unset ${envVar} to skip these tests`
  );
}

/**
 * A suite that cannot run here for `reason` (say, a program it needs is missing): skipped with
 * one line on stderr, or a failing test when REQUIRE_SERVICES names the service.
 */
export function describeUnavailable(service: ServiceName, title: string, reason: string): void {
  if (isServiceRequired(service)) {
    failingSuite(
      title,
      `requires ${service}`,
      `${reason}, but REQUIRE_SERVICES=${process.env.REQUIRE_SERVICES} requires the ${service} tests to run`,
    );
    return;
  }
  const file = currentTestFile();
  process.stderr.write(`SKIP ${service} tests${file ? ` in ${file}` : ''}: ${reason}\n`);
  describe.skip(title, () => it(reason, () => undefined));
}

/**
 * Declares a suite that needs a server. With `envVar` set and answering, `body(url)` runs as a
 * normal describe. Unset: a skipped suite plus one line on stderr, or, when REQUIRE_SERVICES
 * names the service, a failing test saying so. Set but not answering: a failing test naming the
 * variable and the address.
 */
export function describeWithService(
  service: ServiceName,
  envVar: string,
  body: (url: string) => void,
  options: DescribeWithServiceOptions = {},
): void {
  const title = options.title ?? `${service} (${envVar})`;
  const url = serviceUrl(envVar);

  if (url === undefined) {
    if (isServiceRequired(service)) {
      failingSuite(
        title,
        `requires ${envVar}`,
        `${envVar} is not set, but REQUIRE_SERVICES=${process.env.REQUIRE_SERVICES} requires the ` +
          `${service} tests to run: point ${envVar} at a ${service} server (see docs/ci.md)`,
      );
      return;
    }
    const file = currentTestFile();
    process.stderr.write(`SKIP ${service} tests${file ? ` in ${file}` : ''}: ${envVar} not set\n`);
    describe.skip(title, () => body(''));
    return;
  }

  const reason = unreachableReason(envVar, url);
  if (reason !== null) {
    failingSuite(title, `reaches ${envVar}`, reason);
    return;
  }
  describe(title, () => body(url));
}
