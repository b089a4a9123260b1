import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { SqliteEventStore } from '@gongjian/event-store';
import { checkConsistency } from '../merkle/merkle-proof.verifier';
import { parseCheckpoint } from '../note/checkpoint-note';
import { openNote, verifierOf } from '../note/signed-note';
import { appendCountyEvents, ANCHOR_ACTOR } from '../verify/audit-log.spec-fixtures';
import { verifyStore } from '../verify/store-verifier';
import { AnchorRefusedError, AuditAnchorService } from './audit-anchor.service';
import { allCheckpoints } from './checkpoint-history';
import { LeafIndex } from './leaf-index';

describe('AuditAnchorService', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-anchor-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const signer = { name: 'gongjian.test/log', ...generateKeyPairSync('ed25519') };
  const verifier = verifierOf(signer);

  it('signs checkpoints that cover the log before them, each consistent with the last', async () => {
    const store = new SqliteEventStore(join(dir, 'a.sqlite'));
    const leaves = new LeafIndex(join(dir, 'a-leaves.sqlite'));
    const anchors = new AuditAnchorService(store, leaves, signer);
    await appendCountyEvents(store, { streams: 4, eventsPerStream: () => 5 });
    const first = await anchors.anchor(ANCHOR_ACTOR);
    expect(first.treeSize).toBe(20);
    await appendCountyEvents(store, { streams: 3, eventsPerStream: () => 3, prefix: 'b' });
    const second = await anchors.anchor(ANCHOR_ACTOR);
    expect(second.treeSize).toBe(20 + 1 + 9); // the first checkpoint is in the second's tree
    expect(second.previousTreeSize).toBe(20);
    const opened = openNote(second.note, verifier);
    expect(opened.ok && parseCheckpoint(opened.text).treeSize).toBe(30);
    expect(
      checkConsistency(
        20,
        30,
        Buffer.from(first.rootHash, 'base64'),
        Buffer.from(second.rootHash, 'base64'),
        second.consistencyProof.map((h) => Buffer.from(h, 'base64')),
      ),
    ).toBeUndefined();
    expect(await allCheckpoints(store)).toHaveLength(2);

    const verification = await verifyStore(store, verifier, leaves);
    expect(verification).toMatchObject({
      ok: true,
      checkedEvents: 31,
      checkedStreams: 8,
      unanchoredEvents: 1,
    });
    expect(verification.anchor).toMatchObject({
      treeSize: 30,
      merkleRoot: second.rootHash,
      revision: 1,
    });
    await store.close();
    leaves.close();
  });

  it('refuses to sign over a log that no longer gives the last root', async () => {
    const path = join(dir, 'b.sqlite');
    const store = new SqliteEventStore(path);
    await appendCountyEvents(store, { streams: 2, eventsPerStream: () => 4 });
    await new AuditAnchorService(
      store,
      new LeafIndex(join(dir, 'b-leaves-1.sqlite')),
      signer,
    ).anchor(ANCHOR_ACTOR);
    await store.close();
    const db = new BetterSqlite3(path);
    db.prepare("DELETE FROM events WHERE stream_id = 'pairing-s1' AND revision = 3").run();
    db.close();
    const reopened = new SqliteEventStore(path);
    // A fresh index (another data directory) rebuilt from the altered log.
    const anchors = new AuditAnchorService(
      reopened,
      new LeafIndex(join(dir, 'b-leaves-2.sqlite')),
      signer,
    );
    await expect(anchors.anchor(ANCHOR_ACTOR)).rejects.toThrow(AnchorRefusedError);
    await reopened.close();
  });
});
