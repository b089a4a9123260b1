import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';

export function redisServerOnPath(): boolean {
  return spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).status === 0;
}

/**
 * A throw-away redis-server of the test's own, without persistence, that the test can stop and
 * start again (never the shared one): a restart comes back empty.
 */
export class LocalRedisServer {
  private readonly dir = mkdtempSync(join(tmpdir(), 'gj-redis-'));

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    execFileSync('redis-server', [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--daemonize',
      'yes',
      '--dir',
      this.dir,
      '--pidfile',
      join(this.dir, 'redis.pid'),
      '--logfile',
      join(this.dir, 'redis.log'),
    ]);
    await this.waitFor(true);
  }

  async stop(): Promise<void> {
    const client = new Redis(this.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    await client.call('SHUTDOWN', 'NOSAVE').catch(() => undefined);
    client.disconnect();
    await this.waitFor(false);
  }

  async dispose(): Promise<void> {
    await this.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async waitFor(answering: boolean): Promise<void> {
    const deadline = Date.now() + 10_000;
    while ((await this.answers()) !== answering) {
      if (Date.now() > deadline)
        throw new Error(`redis-server on ${this.port} did not ${answering ? 'start' : 'stop'}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  private async answers(): Promise<boolean> {
    const client = new Redis(this.url, {
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      connectTimeout: 500,
      lazyConnect: true,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }
}
