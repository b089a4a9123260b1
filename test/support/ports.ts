import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomInt } from 'node:crypto';

/** Where Linux gives ports to `listen(0)` and outgoing connections unless told otherwise. */
const DEFAULT_EPHEMERAL = { low: 32768, high: 60999 };
const LOWEST = 10000;

function ephemeralRange(): { low: number; high: number } {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')
      .trim()
      .split(/\s+/)
      .map(Number);
    return Number.isInteger(low) && Number.isInteger(high) ? { low, high } : DEFAULT_EPHEMERAL;
  } catch {
    return DEFAULT_EPHEMERAL;
  }
}

function canListenOn(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/**
 * A free port outside the ephemeral range, for a server the test stops and starts again on the
 * same port: while it is down, no other test's `listen(0)` or outgoing connection can be given
 * that port, so whatever answers there afterwards is the restarted server.
 */
export async function restartablePort(): Promise<number> {
  const { low } = ephemeralRange();
  const high = Math.max(LOWEST + 1, low);
  for (let attempt = 0; attempt < 100; attempt++) {
    const candidate = randomInt(LOWEST, high);
    if (await canListenOn(candidate)) return candidate;
  }
  throw new Error(`no free port between ${LOWEST} and ${high - 1}`);
}
