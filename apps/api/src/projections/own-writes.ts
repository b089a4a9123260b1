/**
 * The latest log position each caller's commands answered in this process, kept until the read
 * models have applied it (or a wait for it gave up). Callers are API keys: a handful.
 */
export class OwnWrites {
  private readonly pending = new Map<string, string>();

  recorded(caller: string, position: string): void {
    const known = this.pending.get(caller);
    if (known === undefined || position > known) this.pending.set(caller, position);
  }

  pendingFor(caller: string): string | undefined {
    return this.pending.get(caller);
  }

  /** Forgets the caller's position once `position` covers it. */
  settled(caller: string, position: string): void {
    const known = this.pending.get(caller);
    if (known !== undefined && known <= position) this.pending.delete(caller);
  }
}
