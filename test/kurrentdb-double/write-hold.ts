/**
 * Makes the double take appends and never answer them, as a server that stalls or whose answer is
 * lost: `apply` writes them to the log first, `discard` does not. The caller cannot tell which.
 */
export class WriteHold {
  mode: 'apply' | 'discard' | undefined;

  /** Performs `write` and answers through it, unless writes are held. */
  handle<Done>(write: (done: Done) => void, done: Done, noAnswer: Done): void {
    if (this.mode === 'discard') return;
    write(this.mode === 'apply' ? noAnswer : done);
  }
}
