import { generateKeyPairSync } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { Database } from 'better-sqlite3';
import fc from 'fast-check';
import {
  hashLinkBytes,
  linkBytes,
  portOnly,
  SqliteEventStore,
  storedLinkLogOf,
} from '@gongjian/event-store';
import { AnchoredCheckpoint, AUDIT_ANCHORS_STREAM } from '../anchors/audit-anchor.events';
import { AuditAnchorService } from '../anchors/audit-anchor.service';
import { LeafIndex } from '../anchors/leaf-index';
import { verifierOf } from '../note/signed-note';
import { ANCHOR_ACTOR, appendCountyEvents } from './audit-log.spec-fixtures';
import { verifyStore } from './store-verifier';
import { BrokenLink } from './verification';

/**
 * Tampering straight in the SQLite file, each case on a fresh copy of a template log that has a
 * checkpoint in its middle, one at the end, and events after it that no checkpoint covers.
 */
interface Row {
  link: Buffer;
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

interface Template {
  path: string;
  leaves: LeafIndex;
  final: AnchoredCheckpoint;
  firstCheckpointPosition: number;
}

const KINDS = [
  'one_byte',
  'deleted_middle_event',
  'deleted_tail_event',
  'rewritten_tail_recomputed_chain',
  'reordered_pair',
  'truncated_stream',
  'deleted_stream',
  'swapped_positions',
  'truncated_log',
] as const;
type Kind = (typeof KINDS)[number];

const signer = { name: 'gongjian.test/log', ...generateKeyPairSync('ed25519') };
const verifier = verifierOf(signer);
const dir = mkdtempSync(join(tmpdir(), 'gongjian-tamper-'));
const templates: Template[] = [];

async function buildTemplate(name: string, streams: number, perStream: (i: number) => number) {
  const path = join(dir, `${name}.sqlite`);
  const store = new SqliteEventStore(path);
  const leaves = new LeafIndex(join(dir, `${name}-leaves.sqlite`));
  const anchors = new AuditAnchorService(store, leaves, signer);
  await appendCountyEvents(store, { streams, eventsPerStream: (i) => Math.ceil(perStream(i) / 2) });
  const first = await anchors.anchor(ANCHOR_ACTOR);
  await appendCountyEvents(store, {
    streams,
    eventsPerStream: (i) => Math.floor(perStream(i) / 2),
    prefix: '',
  });
  const final = await anchors.anchor(ANCHOR_ACTOR);
  await appendCountyEvents(store, { streams: 2, eventsPerStream: () => 3, prefix: 'late-' });
  await store.close();
  templates.push({ path, leaves, final, firstCheckpointPosition: Number(first.position) });
}

beforeAll(async () => {
  await buildTemplate('small', 6, (i) => 4 + (i % 5) * 2); // ≈ 55 events
  await buildTemplate('large', 12, (i) => 6 + (i % 7) * 3); // ≈ 180 events
});

afterAll(() => {
  for (const t of templates) t.leaves.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A choice made by fast-check; every tamper reads its numbers from it. */
type Pick = (n: number) => number;

function tamper(db: Database, kind: Kind, template: Template, pick: Pick): BrokenLink {
  const size = template.final.treeSize;
  const all = db.prepare('SELECT * FROM events ORDER BY position').all() as Row[];
  const anchored = all.filter((r) => r.position <= size && r.stream_id !== AUDIT_ANCHORS_STREAM);
  const streamOf = (id: string) => all.filter((r) => r.stream_id === id);
  const streamsWith = (min: number) =>
    [...new Set(anchored.map((r) => r.stream_id))].filter((id) => streamOf(id).length >= min);
  const remove = db.prepare('DELETE FROM events WHERE position = ?');
  const missing = (r: Row): BrokenLink => ({
    streamId: r.stream_id,
    revision: r.revision,
    reason: 'event_missing',
  });
  const moved = (r: Row): BrokenLink => ({
    streamId: r.stream_id,
    revision: r.revision,
    reason: 'event_moved',
  });

  switch (kind) {
    case 'one_byte': {
      const row = anchored[pick(anchored.length)];
      const target = (
        ['link', 'link', 'type', 'event_id', 'recorded_at', 'prev_hash', 'hash'] as const
      )[pick(7)];
      const text = target === 'link' ? row.link.toString('utf8') : row[target];
      const candidates =
        target === 'link' ? editableLinkOffsets(text) : editableOffsets(text, false);
      const at = candidates[pick(candidates.length)];
      const edited = text.slice(0, at) + otherCharacter(text[at], pick) + text.slice(at + 1);
      db.prepare(`UPDATE events SET ${target} = ? WHERE position = ?`).run(
        target === 'link' ? Buffer.from(edited, 'utf8') : edited,
        row.position,
      );
      const reason = target === 'prev_hash' ? 'prev_hash_mismatch' : 'hash_mismatch';
      return { streamId: row.stream_id, revision: row.revision, reason };
    }
    case 'deleted_middle_event': {
      const stream = streamOf(streamsWith(3)[pick(streamsWith(3).length)]);
      const row = stream[1 + pick(stream.length - 2)];
      remove.run(row.position);
      return missing(row);
    }
    case 'deleted_tail_event': {
      const ids = streamsWith(1);
      const stream = streamOf(ids[pick(ids.length)]);
      const row = stream[stream.length - 1];
      remove.run(row.position);
      return missing(row);
    }
    case 'rewritten_tail_recomputed_chain': {
      const ids = streamsWith(1);
      const stream = streamOf(ids[pick(ids.length)]);
      const from = pick(stream.length);
      let prevHash = stream[from].prev_hash;
      for (const row of stream.slice(from)) {
        const link = JSON.parse(row.link.toString('utf8')) as {
          data: Record<string, unknown>;
          metadata: Record<string, unknown>;
        };
        if (row === stream[from])
          link.data.amountFen = Number(link.data.amountFen) + 1 + pick(1_000_000);
        const rewritten = linkBytes({
          streamId: row.stream_id,
          revision: row.revision,
          eventId: row.event_id,
          type: row.type,
          data: link.data,
          metadata: { ...link.metadata, recordedAt: row.recorded_at, prevHash } as never,
        });
        const hash = hashLinkBytes(rewritten);
        db.prepare('UPDATE events SET link = ?, prev_hash = ?, hash = ? WHERE position = ?').run(
          Buffer.from(rewritten, 'utf8'),
          prevHash,
          hash,
          row.position,
        );
        prevHash = hash;
      }
      return {
        streamId: stream[from].stream_id,
        revision: stream[from].revision,
        reason: 'event_altered',
      };
    }
    case 'reordered_pair': {
      const pairs = anchored.filter((r) => anchored.some((s) => s.position === r.position + 1));
      const row = pairs[pick(pairs.length)];
      swapPositions(db, row.position, row.position + 1);
      return moved(row);
    }
    case 'truncated_stream': {
      const ids = streamsWith(3);
      const stream = streamOf(ids[pick(ids.length)]);
      const keep = 1 + pick(stream.length - 2); // drops at least two events, keeps at least one
      for (const row of stream.slice(keep)) remove.run(row.position);
      return missing(stream[keep]);
    }
    case 'deleted_stream': {
      const ids = streamsWith(1);
      const stream = streamOf(ids[pick(ids.length)]);
      for (const row of stream) remove.run(row.position);
      return missing(stream[0]);
    }
    case 'swapped_positions': {
      const a = anchored[pick(anchored.length)];
      const others = anchored.filter((r) => Math.abs(r.position - a.position) > 1);
      const b = others[pick(others.length)];
      swapPositions(db, a.position, b.position);
      return moved(a.position < b.position ? a : b);
    }
    case 'truncated_log': {
      // Everything from some anchored event on, checkpoints included: the log forgets them.
      const from = 1 + pick(size);
      db.prepare('DELETE FROM events WHERE position >= ?').run(from);
      return missing(all[from - 1]);
    }
  }
}

function swapPositions(db: Database, a: number, b: number): void {
  const move = db.prepare('UPDATE events SET position = ? WHERE position = ?');
  db.transaction(() => {
    move.run(-1, a);
    move.run(a, b);
    move.run(b, -1);
  })();
}

/** Offsets of letters and digits that stay inside a JSON string (or anywhere, for plain text). */
function editableOffsets(text: string, json: boolean): number[] {
  const offsets: number[] = [];
  let inString = !json;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (json && c === '\\') {
      i += text[i + 1] === 'u' ? 5 : 1;
      continue;
    }
    if (json && c === '"') inString = !inString;
    else if (inString && /[A-Za-z0-9]/.test(c)) offsets.push(i);
  }
  return offsets;
}

/**
 * Offsets in the stored bytes that readers see: data and metadata, but not the copies of
 * recordedAt and prevHash, which are read from their columns.
 */
function editableLinkOffsets(link: string): number[] {
  const spans = ['"prevHash":"', '"recordedAt":"'].map((key) => {
    const start = link.lastIndexOf(key);
    return [start, link.indexOf('"', start + key.length) + 1];
  });
  const dataEnd = link.lastIndexOf(',"eventId":');
  const metadataStart = link.lastIndexOf(',"metadata":');
  const metadataEnd = link.lastIndexOf(',"revision":');
  return editableOffsets(link, true).filter(
    (i) =>
      (i < dataEnd || (i > metadataStart && i < metadataEnd)) &&
      !spans.some(([start, end]) => i >= start && i < end),
  );
}

function otherCharacter(c: string, pick: Pick): string {
  const set = /\d/.test(c)
    ? '0123456789'
    : /[a-z]/.test(c)
      ? 'abcdefghijklmnopqrstuvwxyz'
      : 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const others = set.replace(c, '');
  return others[pick(others.length)];
}

describe('verification against a checkpoint taken before the tampering (sqlite file)', () => {
  it('reads the sqlite log as its stored bytes, and the port-only view as events', () => {
    const store = new SqliteEventStore(templates[0].path);
    expect(storedLinkLogOf(store)).toBe(store);
    expect(storedLinkLogOf(portOnly(store))).toBeUndefined();
    return store.close();
  });

  it('finds nothing wrong in the untouched logs, and counts the events no checkpoint covers', async () => {
    for (const template of templates) {
      const store = new SqliteEventStore(template.path);
      const result = await verifyStore(store, verifier, template.leaves);
      await store.close();
      expect(result).toMatchObject({ ok: true, unanchoredEvents: 1 + 6 });
      expect(result.anchor?.treeSize).toBe(template.final.treeSize);
    }
  });

  it('detects 1,000 random tamperings and names the first broken link', async () => {
    const seen = new Map<Kind, number>();
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...KINDS),
        fc.nat(templates.length - 1),
        fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
        async (kind, which, numbers) => {
          const template = templates[which];
          const copy = join(dir, `case-${runs++}.sqlite`);
          copyFileSync(template.path, copy);
          let next = 0;
          const pick: Pick = (n) => numbers[next++ % numbers.length] % Math.max(1, n);
          const db = new BetterSqlite3(copy);
          const expected = tamper(db, kind, template, pick);
          db.close();
          const store = new SqliteEventStore(copy);
          try {
            const result = await verifyStore(store, verifier, template.leaves, {
              knownCheckpoint: template.final.note,
            });
            expect(result.ok).toBe(false);
            expect(result.firstBrokenLink).toMatchObject(expected);
            // Reading the stored bytes and reading parsed events give the same answer.
            const viaPort = await verifyStore(portOnly(store), verifier, template.leaves, {
              knownCheckpoint: template.final.note,
            });
            expect(viaPort).toEqual(result);
          } finally {
            await store.close();
            for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
          }
          seen.set(kind, (seen.get(kind) ?? 0) + 1);
        },
      ),
      { numRuns: 1000, seed: 20261201 },
    );
    expect(runs).toBeGreaterThanOrEqual(1000);
    for (const kind of KINDS) expect(seen.get(kind)).toBeGreaterThan(50);
  }, 240_000);
});
