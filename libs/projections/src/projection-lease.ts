import { leaseId, Build, LeaseDocument, ProjectionControl } from './projection-control';
import type { BatchOperation } from '@gongjian/read-store';

/**
 * One writer per build: a lease document with an expiry, renewed by its holder. Another
 * engine waits, and takes the lease over once it has expired (its holder crashed or hangs),
 * or sooner when `holderIsGone` says the holder's process no longer exists.
 */
export class ProjectionLease {
  private renewedAt = 0;

  constructor(
    private readonly control: ProjectionControl,
    private readonly build: Build,
    readonly owner: string,
    private readonly ttlMs: number,
    private readonly holderIsGone: (holder: string) => boolean = () => false,
  ) {}

  private document(expiresAt: number): LeaseDocument {
    return { _id: leaseId(this.build), _pos: '', kind: 'lease', owner: this.owner, expiresAt };
  }

  /** Takes the lease when it is free, expired or already ours. */
  async acquire(now = Date.now()): Promise<boolean> {
    const current = (await this.control.collection.findById(leaseId(this.build))) as
      LeaseDocument | undefined;
    const next = this.document(now + this.ttlMs);
    let taken: boolean;
    if (!current) taken = await this.control.collection.replaceIf(next, null);
    else if (
      current.owner === this.owner ||
      current.expiresAt <= now ||
      this.holderIsGone(current.owner)
    )
      taken = await this.control.collection.replaceIf(next, {
        owner: current.owner,
        expiresAt: current.expiresAt,
      });
    else taken = false;
    if (taken) this.renewedAt = now;
    return taken;
  }

  async renew(now = Date.now()): Promise<boolean> {
    const renewed = await this.control.collection.replaceIf(this.document(now + this.ttlMs), {
      owner: this.owner,
    });
    if (renewed) this.renewedAt = now;
    return renewed;
  }

  /** The renewal as the first step of a write batch: the batch stops there if the lease is lost. */
  renewal(now = Date.now()): BatchOperation {
    return {
      kind: 'replaceIf',
      collection: this.control.collection.name,
      document: this.document(now + this.ttlMs),
      expected: { owner: this.owner },
    };
  }

  confirmRenewed(now: number): void {
    this.renewedAt = now;
  }

  /** Whether this holder may still believe it holds the lease. */
  heldAt(now = Date.now()): boolean {
    return now < this.renewedAt + this.ttlMs;
  }

  async release(): Promise<void> {
    await this.control.collection
      .replaceIf(this.document(0), { owner: this.owner })
      .catch(() => undefined);
  }
}
