import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentCollection, DocumentStore, SqliteDocumentStore } from '@gongjian/read-store';
import { READ_MODELS } from '../../../scripts/bench/bench-projections';
import { DocumentReadModelReader } from './document-read-model-reader';
import { CONTROL_COLLECTION, physicalCollection, ProjectionControl } from './projection-control';
import { pointerDocument } from './pointer-switch';

/** Holds every pointer lookup until released, so a switch can land while one is under way. */
function withHeldPointerLookups(store: DocumentStore) {
  const held: Array<() => void> = [];
  const gated: DocumentStore = Object.create(store);
  gated.collection = (name: string): DocumentCollection => {
    const collection = store.collection(name);
    if (name !== CONTROL_COLLECTION) return collection;
    const wrapped: DocumentCollection = Object.create(collection);
    wrapped.findById = async (id) => {
      await new Promise<void>((release) => held.push(release));
      return collection.findById(id);
    };
    return wrapped;
  };
  const releaseAll = () => held.splice(0).forEach((release) => release());
  return { gated, held, releaseAll };
}

describe('DocumentReadModelReader', () => {
  let dir: string;
  let store: SqliteDocumentStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongjian-reader-'));
    store = new SqliteDocumentStore(join(dir, 'read-models.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a switch landing while a pointer lookup is under way does not fail the read', async () => {
    const { gated, held, releaseAll } = withHeldPointerLookups(store);
    const reader = new DocumentReadModelReader(gated, READ_MODELS);
    const [projection] = READ_MODELS;
    const [name] = Object.keys(projection.collections);

    const rebuilt = { name: projection.name, version: projection.version, generation: 1 };

    const read = reader.collection(projection.name, name);
    while (held.length === 0) await new Promise((r) => setImmediate(r));
    await new ProjectionControl(store).collection.replaceIf(
      pointerDocument(projection, rebuilt, '', true),
      null,
    );
    reader.invalidate(projection.name);
    const releasing = setInterval(releaseAll, 5);
    try {
      await expect(read).resolves.toMatchObject({ name: physicalCollection(rebuilt, name) });
    } finally {
      clearInterval(releasing);
    }
  });

  it('so does a switch of every projection while the reached position is looked up', async () => {
    const { gated, held, releaseAll } = withHeldPointerLookups(store);
    const reader = new DocumentReadModelReader(gated, READ_MODELS);

    const reached = reader.reachedPosition();
    while (held.length === 0) await new Promise((r) => setImmediate(r));
    reader.invalidate();
    const releasing = setInterval(releaseAll, 5);
    try {
      await expect(reached).resolves.toBeUndefined();
    } finally {
      clearInterval(releasing);
    }
  });
});
