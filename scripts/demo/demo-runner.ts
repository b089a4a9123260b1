import { backOff } from 'exponential-backoff';
import { DemoChain, DemoCommand, DemoPlan } from './demo-plan.types';

export interface DemoTarget {
  /** The API's base URL, e.g. http://127.0.0.1:3000 (no /api/v1). */
  url: string;
  apiKey: string;
}

export interface RunOptions {
  /** Chains in flight at once; each chain's commands run in order. */
  concurrency: number;
  onProgress?: (done: number, phase: string) => void;
}

export interface Refusal {
  key: string;
  path: string;
  status: number;
  code?: string;
  detail?: string;
}

export interface RunResult {
  sent: number;
  refused: Refusal[];
  /** The highest log position the commands answered (for `minPosition`). */
  position?: string;
}

/** Answers worth retrying with the same Idempotency-Key: the store was busy or unreachable. */
class RetryableAnswer extends Error {}

/**
 * Sends the plan through the command API: phases in order, chains concurrently, the commands of a
 * chain in order. A refused command (4xx) stops its chain and is reported; the key of every
 * command derives from the seed, so running the same plan again answers from the first run.
 */
export async function runDemoPlan(
  plan: DemoPlan,
  target: DemoTarget,
  options: RunOptions,
): Promise<RunResult> {
  const result: RunResult = { sent: 0, refused: [] };
  for (const phase of plan.phases) {
    // Longest chains first, so the long ones (a pairing's activities) do not finish alone.
    const chains = [...phase.chains].sort((a, b) => b.length - a.length);
    let next = 0;
    const worker = async () => {
      while (next < chains.length) {
        const chain = chains[next++];
        await runChain(chain, plan.seed, target, result, () =>
          options.onProgress?.(result.sent, phase.name),
        );
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  }
  return result;
}

async function runChain(
  chain: DemoChain,
  seed: number,
  target: DemoTarget,
  result: RunResult,
  progress: () => void,
): Promise<void> {
  for (const command of chain) {
    const answer = await send(command, seed, target);
    result.sent++;
    progress();
    if (answer.status >= 400) {
      result.refused.push({
        key: command.key,
        path: command.path,
        status: answer.status,
        code: answer.body.code as string | undefined,
        detail: answer.body.detail as string | undefined,
      });
      return;
    }
    const position = answer.body.position;
    if (
      typeof position === 'string' &&
      (result.position === undefined || position > result.position)
    ) {
      result.position = position;
    }
  }
}

async function send(command: DemoCommand, seed: number, target: DemoTarget) {
  return backOff(
    async () => {
      const response = await fetch(`${target.url}/api/v1${command.path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${target.apiKey}`,
          'content-type': 'application/json',
          'idempotency-key': `demo-${seed}-${command.key}`,
        },
        body: JSON.stringify(command.body),
      });
      const text = await response.text();
      if (response.status === 503 || response.status === 409 || response.status === 429) {
        throw new RetryableAnswer(`${command.path}: ${response.status} ${text}`);
      }
      return {
        status: response.status,
        body: (text ? JSON.parse(text) : {}) as Record<string, unknown>,
      };
    },
    { numOfAttempts: 8, startingDelay: 50, maxDelay: 2_000, jitter: 'full' },
  );
}
