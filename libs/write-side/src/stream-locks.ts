/** Waiting for the commands before this one on a stream took longer than allowed. */
export class StreamLockTimeoutError extends Error {
  constructor(readonly streamId: string) {
    super(`${streamId} is busy with earlier commands`);
  }
}

/**
 * One command at a time per stream inside this process: each stream has a FIFO queue, and a
 * command that writes several streams queues on each of them in one global order (sorted
 * names), so two multi-stream commands can never wait for each other. Other processes are still
 * kept out by the expected-revision check of the append.
 */
export class StreamLocks {
  /** Per stream, settles when the last command queued on it lets go. */
  private readonly tails = new Map<string, Promise<void>>();

  /** Resolves with the function that lets go of every stream, in the reverse order. */
  async acquire(streamIds: readonly string[], waitMs: number): Promise<() => void> {
    const deadline = Date.now() + waitMs;
    const held: Array<() => void> = [];
    const release = () => {
      for (const letGo of held.reverse()) letGo();
    };
    try {
      for (const streamId of [...new Set(streamIds)].sort()) {
        held.push(await this.acquireOne(streamId, deadline));
      }
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  private async acquireOne(streamId: string, deadline: number): Promise<() => void> {
    const before = this.tails.get(streamId) ?? Promise.resolve();
    let letGo!: () => void;
    const mine = new Promise<void>((resolve) => (letGo = resolve));
    // Whoever queues next waits for this command, and (if it gives up) for the one before it.
    const tail = before.then(() => mine);
    this.tails.set(streamId, tail);
    void tail.then(() => {
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, deadline - Date.now()));
    });
    try {
      if ((await Promise.race([before.then(() => 'turn' as const), timeout])) === 'timeout') {
        letGo();
        throw new StreamLockTimeoutError(streamId);
      }
    } finally {
      clearTimeout(timer);
    }
    return letGo;
  }
}
