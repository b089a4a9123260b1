import { EventStore } from '@gongjian/event-store';
import { LeafIndex } from '../anchors/leaf-index';
import { eventBytes, eventLeafHash } from '../event-bytes/event-leaf';
import { NoteVerifier } from '../note/signed-note';
import { indexGivesRoot, trustedCheckpoint, verifyStore, whatBecameOf } from './store-verifier';
import { LogScan } from './log-scan';
import { BrokenLink, Verification } from './verification';

/**
 * Verifies one stream: its chain, and each of its events the latest checkpoint covers against
 * the leaf the checkpoint's tree holds for it. That needs a leaf index whose leaves give the
 * signed root; without one, the whole store is verified and its answer given for the stream.
 * Undefined: the log has never had such a stream.
 */
export async function verifyStream(
  store: EventStore,
  verifier: NoteVerifier,
  leaves: LeafIndex | undefined,
  streamId: string,
): Promise<Verification | undefined> {
  const events = await store.readStream(streamId);
  const { checkpoint, failure } = await trustedCheckpoint(store, verifier);
  const anchored =
    checkpoint && leaves ? leaves.entriesOfStream(streamId, checkpoint.treeSize) : [];
  if (events.length === 0 && anchored.length === 0) return undefined;
  if (checkpoint && !indexGivesRoot(leaves, checkpoint)) {
    const whole = await verifyStore(store, verifier, leaves);
    return { ...whole, checkedEvents: events.length, checkedStreams: 1 };
  }

  const chain = new LogScan(0);
  for (const event of events) chain.add(event);
  const chainBreak: BrokenLink | undefined = chain.chainBreak && strip(chain.chainBreak);
  const byRevision = new Map(events.map((event) => [event.revision, event]));
  let treeBreak: BrokenLink | undefined;
  for (const entry of anchored) {
    const now = byRevision.get(entry.revision);
    const same =
      now &&
      now.position === entry.position &&
      eventLeafHash(eventBytes(now)).equals(entry.leafHash);
    if (!same) {
      treeBreak = await whatBecameOf(store, entry);
      break;
    }
  }
  const firstBrokenLink =
    (failure && { ...failure, index: undefined }) ??
    [chainBreak, treeBreak]
      .filter((link): link is BrokenLink => link !== undefined)
      .sort((a, b) => a.revision - b.revision)[0];
  const size = checkpoint?.treeSize ?? 0;
  return {
    ok: firstBrokenLink === undefined,
    checkedEvents: events.length,
    checkedStreams: 1,
    ...(checkpoint && {
      anchor: {
        position: checkpoint.position,
        merkleRoot: checkpoint.rootHash,
        at: checkpoint.signedAt,
        treeSize: size,
        revision: checkpoint.revision,
      },
    }),
    unanchoredEvents: events.length - anchored.filter((e) => byRevision.has(e.revision)).length,
    ...(firstBrokenLink && { firstBrokenLink: strip(firstBrokenLink) }),
  };
}

const strip = (link: BrokenLink & { index?: number }): BrokenLink => {
  const { index: _index, ...rest } = link;
  return rest;
};
