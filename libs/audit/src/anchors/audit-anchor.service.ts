import { randomUUID } from 'node:crypto';
import {
  Actor,
  EventStore,
  RecordedEvent,
  WrongExpectedRevisionError,
} from '@gongjian/event-store';
import { eventBytes, eventLeafHash } from '../event-bytes/event-leaf';
import { MerkleTree } from '../merkle/merkle-tree';
import { formatCheckpoint } from '../note/checkpoint-note';
import { NoteSigner, signNote } from '../note/signed-note';
import {
  anchoredCheckpoint,
  AnchoredCheckpoint,
  AUDIT_ANCHORS_STREAM,
  AUDIT_CHECKPOINT_SIGNED,
  AuditCheckpointSignedData,
} from './audit-anchor.events';
import { latestCheckpoint } from './checkpoint-history';
import { LeafIndex } from './leaf-index';

const READ_BATCH = 2000;

/** The log no longer gives the root of the last checkpoint: signing on would hide that. */
export class AnchorRefusedError extends Error {
  readonly code = 'AUDIT_LOG_DIVERGED';
}

/** The request's key was used before, with another request. */
export class AnchorRequestReusedError extends Error {
  readonly code = 'IDEMPOTENCY_KEY_REUSED';
}

/** A keyed request to sign: the same key and fingerprint again answer the first checkpoint. */
export interface AnchorRequest {
  commandId: string;
  /** Of the request, kept in the checkpoint's metadata. */
  fingerprint: string;
}

/** Another process signed a checkpoint at the same moment. */
export class AnchorConflictError extends Error {
  readonly code = 'AUDIT_ANCHOR_CONFLICT';
}

/**
 * Signs checkpoints of the whole log and appends them to `audit-anchors`, each with a consistency
 * proof to the one before. A checkpoint covers the log up to just before itself.
 */
export class AuditAnchorService {
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly leaves: LeafIndex,
    private readonly signer: NoteSigner,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** One at a time per process: the schedule and an inspector's request never interleave. */
  anchor(actor: Actor, reason?: string, request?: AnchorRequest): Promise<AnchoredCheckpoint> {
    const next = this.running.then(() => this.anchorNow(actor, reason, request));
    this.running = next.catch(() => undefined);
    return next;
  }

  private async anchorNow(
    actor: Actor,
    reason?: string,
    request?: AnchorRequest,
  ): Promise<AnchoredCheckpoint> {
    if (request) {
      const earlier = await this.signedFor(request);
      if (earlier) return earlier;
    }
    const previous = await latestCheckpoint(this.store);
    await this.catchUp();
    const tree = new MerkleTree(this.leaves.leafHashes());
    const diverged =
      previous &&
      (tree.size < previous.treeSize ||
        !tree.root(previous.treeSize).equals(b64(previous.rootHash)));
    if (diverged) {
      throw new AnchorRefusedError(
        `the log no longer gives the root of checkpoint ${previous.revision} (tree size ${previous.treeSize}); run the audit verification`,
      );
    }
    const treeSize = tree.size;
    const rootHash = tree.root();
    const signedAt = this.now().toISOString();
    const text = formatCheckpoint({ origin: this.signer.name, treeSize, rootHash, signedAt });
    const previousTreeSize = previous?.treeSize ?? 0;
    const data: AuditCheckpointSignedData = {
      origin: this.signer.name,
      treeSize,
      rootHash: rootHash.toString('base64'),
      note: signNote(text, this.signer),
      signedAt,
      lastPosition: this.leaves.last()?.position ?? '',
      previousTreeSize,
      consistencyProof:
        previousTreeSize > 0
          ? tree.consistencyProof(previousTreeSize, treeSize).map((h) => h.toString('base64'))
          : [],
      ...(reason !== undefined && { reason }),
    };
    const eventId = randomUUID();
    const commandId = request?.commandId ?? eventId;
    try {
      const result = await this.store.append(
        AUDIT_ANCHORS_STREAM,
        [
          {
            eventId,
            type: AUDIT_CHECKPOINT_SIGNED,
            data: data as unknown as Record<string, unknown>,
            metadata: {
              commandId,
              correlationId: commandId,
              causationId: commandId,
              actor,
              occurredAt: signedAt,
              schemaVersion: 1,
              ...(request && { requestHash: request.fingerprint }),
            },
          },
        ],
        previous ? previous.revision : 'no_stream',
      );
      const [stored] = await this.store.readStream(AUDIT_ANCHORS_STREAM, {
        from: result.revision,
        limit: 1,
      });
      return anchoredCheckpoint(stored);
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) {
        throw new AnchorConflictError(
          'another checkpoint was signed at the same moment; try again',
        );
      }
      throw error;
    }
  }

  /** The checkpoint a keyed request signed before (422 when the key came with another request). */
  private async signedFor(request: AnchorRequest): Promise<AnchoredCheckpoint | undefined> {
    const signed = await this.store.readStream(AUDIT_ANCHORS_STREAM);
    const earlier = signed.find((event) => event.metadata.commandId === request.commandId);
    if (!earlier) return undefined;
    if (earlier.metadata.requestHash !== request.fingerprint) {
      throw new AnchorRequestReusedError(
        'this Idempotency-Key was already used with a different request',
      );
    }
    return anchoredCheckpoint(earlier);
  }

  /** Hashes the events appended since the index's last leaf into it. */
  private async catchUp(): Promise<void> {
    let after = this.leaves.last()?.position;
    let index = this.leaves.size();
    for (;;) {
      const batch: RecordedEvent[] = await this.store.readAll({
        fromPosition: after,
        limit: READ_BATCH,
      });
      if (batch.length === 0) return;
      this.leaves.append(
        batch.map((event) => ({
          index: index++,
          position: event.position,
          streamId: event.streamId,
          revision: event.revision,
          leafHash: eventLeafHash(eventBytes(event)),
        })),
      );
      after = batch[batch.length - 1].position;
    }
  }
}

const b64 = (hash: string) => Buffer.from(hash, 'base64');
