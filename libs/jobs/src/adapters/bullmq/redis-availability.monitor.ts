import { Redis } from 'ioredis';

export interface RedisAvailabilityOptions {
  url: string;
  /** How often to reconnect while down and to check while up. */
  probeIntervalMs: number;
  /** A PING that takes longer counts as down. */
  pingTimeoutMs: number;
  onUp: () => void;
  onDown: (reason: string) => void;
}

/**
 * Watches one small connection to Redis and reports each change between reachable and not:
 * ioredis reconnects on its own, this turns its events (and a periodic PING, which also catches
 * a connection that stays open but no longer answers) into up/down transitions.
 */
export class RedisAvailabilityMonitor {
  private readonly client: Redis;
  private readonly timer: NodeJS.Timeout;
  private up = false;
  private lastError = 'not connected yet';
  private stopped = false;

  constructor(private readonly options: RedisAvailabilityOptions) {
    this.client = new Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: options.pingTimeoutMs,
      retryStrategy: () => options.probeIntervalMs,
      connectionName: 'gongjian-jobs-probe',
    });
    this.client.on('error', (error: Error) => {
      this.lastError = errorText(error);
    });
    this.client.on('ready', () => void this.check());
    this.client.on('close', () => this.markDown(this.lastError || 'connection closed'));
    this.timer = setInterval(() => void this.check(), options.probeIntervalMs);
    this.timer.unref();
  }

  get isUp(): boolean {
    return this.up;
  }

  get reason(): string {
    return this.lastError;
  }

  /** Resolves when Redis answers a PING in time; rejects with the reason otherwise. */
  async ping(): Promise<void> {
    if (this.client.status !== 'ready') throw new Error(this.lastError || this.client.status);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer to PING within ${this.options.pingTimeoutMs} ms`)),
        this.options.pingTimeoutMs,
      );
    });
    try {
      await Promise.race([this.client.ping(), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    if (this.client.status === 'ready') await this.client.quit().catch(() => undefined);
    this.client.disconnect();
  }

  private async check(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.ping();
      if (!this.up && !this.stopped) {
        this.up = true;
        this.lastError = '';
        this.options.onUp();
      }
    } catch (error) {
      this.lastError = errorText(error);
      this.markDown(this.lastError);
    }
  }

  private markDown(reason: string): void {
    if (!this.up || this.stopped) return;
    this.up = false;
    this.options.onDown(reason);
  }
}

function errorText(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  const message = error instanceof Error ? error.message : String(error);
  return typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
}
