import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { SqliteEventStore } from '@gongjian/event-store';
import { AuditAnchorService } from '../anchors/audit-anchor.service';
import { LeafIndex } from '../anchors/leaf-index';
import { formatVerifierKey, verifierOf } from '../note/signed-note';
import { ANCHOR_ACTOR, appendCountyEvents } from '../verify/audit-log.spec-fixtures';
import { BundleRefusedError, exportBundle } from './audit-bundle.writer';
import { verifyBundle } from './audit-bundle.verifier';

describe('audit bundles', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongjian-bundle-'));
  const county = { name: 'gongjian.test/log', ...generateKeyPairSync('ed25519') };
  const other = { name: 'gongjian.test/log', ...generateKeyPairSync('ed25519') };
  const countyKey = formatVerifierKey(verifierOf(county));
  let store: SqliteEventStore;
  let leaves: LeafIndex;
  let signedAt: Date;

  beforeAll(async () => {
    store = new SqliteEventStore(join(dir, 'events.sqlite'));
    leaves = new LeafIndex(join(dir, 'leaves.sqlite'));
    const anchors = new AuditAnchorService(store, leaves, county);
    await appendCountyEvents(store, { streams: 5, eventsPerStream: (i) => 3 + i });
    await anchors.anchor(ANCHOR_ACTOR);
    await appendCountyEvents(store, { streams: 5, eventsPerStream: () => 2 });
    signedAt = new Date((await anchors.anchor(ANCHOR_ACTOR)).signedAt);
    await appendCountyEvents(store, { streams: 1, eventsPerStream: () => 2, prefix: 'late-' });
  });
  afterAll(async () => {
    await store.close();
    leaves.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const soon = () => new Date(signedAt.getTime() + 3_600_000);

  it('verifies offline, every check passing, and leaves out what no checkpoint covers', async () => {
    const lines = await exportBundle(store, leaves, county, {});
    const result = verifyBundle(`${lines.join('\n')}\n`, { verifierKey: countyKey, now: soon() });
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result).toMatchObject({
      ok: true,
      checkpoints: 2,
      events: 5 * 3 + 10 + 10 + 1,
      keyFromBundle: false,
    });
    expect(lines.join('\n')).not.toContain('late-');
  });

  it('exports one kind of stream and a time window', async () => {
    const lines = await exportBundle(store, leaves, county, { streamPrefix: 'pairing-' });
    const result = verifyBundle(lines.join('\n'), { verifierKey: countyKey, now: soon() });
    expect(result).toMatchObject({ ok: true, events: 4 + 2 });
    const empty = await exportBundle(store, leaves, county, { to: '2000-01-01T00:00:00Z' });
    expect(verifyBundle(empty.join('\n'), { verifierKey: countyKey, now: soon() })).toMatchObject({
      ok: true,
      events: 0,
    });
  });

  it('fails at the very line that was edited, whichever line it is (property)', async () => {
    const lines = await exportBundle(store, leaves, county, { streamPrefix: 'organization-' });
    fc.assert(
      fc.property(fc.nat(lines.length - 1), fc.nat(), fc.nat(), (lineIndex, where, replacement) => {
        const line = lines[lineIndex];
        const offsets = [...line].flatMap((c, i) => (/[A-Za-z0-9]/.test(c) ? [i] : []));
        const at = offsets[where % offsets.length];
        const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'.replace(
          line[at],
          '',
        );
        const edited = [...lines];
        edited[lineIndex] =
          line.slice(0, at) + alphabet[replacement % alphabet.length] + line.slice(at + 1);
        const result = verifyBundle(edited.join('\n'), { verifierKey: countyKey, now: soon() });
        expect(result.ok).toBe(false);
        expect(result.firstFailure?.line).toBe(lineIndex + 1);
      }),
      { numRuns: 1000 },
    );
  });

  it('fails the signature check for a bundle signed by another key', async () => {
    const lines = await exportBundle(store, leaves, county, {});
    // The same bundle re-signed by someone else's key, as a forger would.
    const forged = lines.join('\n').replace(countyKey, formatVerifierKey(verifierOf(other)));
    const result = verifyBundle(forged, { verifierKey: countyKey, now: soon() });
    expect(result.checks.find((c) => c.check === 'signature')).toMatchObject({
      ok: false,
      line: 1,
    });
    const otherStore = new SqliteEventStore(join(dir, 'other.sqlite'));
    const otherLeaves = new LeafIndex(join(dir, 'other-leaves.sqlite'));
    await appendCountyEvents(otherStore, { streams: 2, eventsPerStream: () => 2 });
    await new AuditAnchorService(otherStore, otherLeaves, other).anchor(ANCHOR_ACTOR);
    const theirs = await exportBundle(otherStore, otherLeaves, other, {});
    const refused = verifyBundle(theirs.join('\n'), { verifierKey: countyKey, now: soon() });
    expect(refused).toMatchObject({ ok: false, firstFailure: { line: 1, check: 'signature' } });
    expect(verifyBundle(theirs.join('\n'), { now: soon() })).toMatchObject({
      ok: true,
      keyFromBundle: true,
    });
    await otherStore.close();
    otherLeaves.close();
  });

  it('judges staleness against the instant it is given', async () => {
    const lines = (await exportBundle(store, leaves, county, {})).join('\n');
    const later = new Date(signedAt.getTime() + 72 * 3_600_000);
    const stale = verifyBundle(lines, { verifierKey: countyKey, now: later });
    expect(stale.ok).toBe(false);
    expect(stale.checks.filter((c) => !c.ok).map((c) => c.check)).toEqual(['staleness']);
    const before = new Date(signedAt.getTime() - 3_600_000);
    expect(verifyBundle(lines, { verifierKey: countyKey, now: before }).firstFailure?.check).toBe(
      'staleness',
    );
  });

  it('refuses to export before any checkpoint', async () => {
    const empty = new SqliteEventStore(':memory:');
    await expect(exportBundle(empty, undefined, county, {})).rejects.toThrow(BundleRefusedError);
    await empty.close();
  });
});
