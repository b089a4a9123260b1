import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashedBytesOf } from '@gongjian/event-store';
import { KurrentDbEventStore } from '../../../event-store/src/adapters/kurrentdb/kurrentdb.event-store';
import {
  KurrentDbDouble,
  startKurrentDbDouble,
} from '../../../../test/kurrentdb-double/kurrentdb-double';
import { AuditAnchorService } from '../anchors/audit-anchor.service';
import { LeafIndex } from '../anchors/leaf-index';
import { exportBundle } from '../export/audit-bundle.writer';
import { verifyBundle } from '../export/audit-bundle.verifier';
import { verifierOf } from '../note/signed-note';
import { ANCHOR_ACTOR, appendCountyEvents } from './audit-log.spec-fixtures';
import { verifyStore } from './store-verifier';

/** KurrentDB assigns positions on commit: leaves are derived from what it returns, every time alike. */
describe('audit on KurrentDB (protocol double)', () => {
  let double: KurrentDbDouble;
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-audit-kdb-'));
  const signer = { name: 'gongjian.test/log', ...generateKeyPairSync('ed25519') };

  beforeAll(async () => {
    double = await startKurrentDbDouble();
  });
  afterAll(async () => {
    await double.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('anchors, verifies from another connection, and exports a bundle that verifies offline', async () => {
    const leaves = new LeafIndex(join(dir, 'leaves.sqlite'));
    const writer = new KurrentDbEventStore(double.url, { timeoutMs: 5000 });
    await appendCountyEvents(writer, { streams: 4, eventsPerStream: (i) => 2 + i });
    const checkpoint = await new AuditAnchorService(writer, leaves, signer).anchor(ANCHOR_ACTOR);
    expect(checkpoint.treeSize).toBe(2 + 3 + 4 + 5);
    await writer.close();

    const reader = new KurrentDbEventStore(double.url, { timeoutMs: 5000 });
    const [some] = await reader.readAll({ limit: 1 });
    expect(hashedBytesOf(some)).toBeUndefined(); // serialized again, to the same bytes
    expect(await verifyStore(reader, verifierOf(signer), leaves)).toMatchObject({
      ok: true,
      checkedEvents: checkpoint.treeSize + 1,
      unanchoredEvents: 1,
    });
    const bundle = await exportBundle(reader, leaves, signer, { streamPrefix: 'pairing-' });
    expect(verifyBundle(bundle.join('\n'), { now: new Date() })).toMatchObject({
      ok: true,
      events: 3,
    });
    await reader.close();
    leaves.close();
  });
});
