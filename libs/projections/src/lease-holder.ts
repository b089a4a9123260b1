import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** A lease holder's name: host, pid and a random suffix (a pid alone is reused). */
export function leaseHolderName(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * Whether a holder named by leaseHolderName is a process of this host that no longer exists.
 * Only then may its lease be taken before it expires: after a crash on an embedded store the
 * restarted process resumes at once instead of waiting out the dead one's lease. A live process
 * with a reused pid, another host, or an unparsable name all count as alive (wait for expiry).
 */
export function holderIsGoneFromThisHost(holder: string): boolean {
  const [host, pidText] = holder.split(':');
  const pid = Number(pidText);
  if (host !== hostname() || !Number.isSafeInteger(pid) || pid <= 0 || pid === process.pid)
    return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
