import { PAIRINGS, RURAL_ACTIVISTS, type ReadModelReader } from '@gongjian/projections';
import type { DocumentCollection } from '@gongjian/read-store';

/** The pairings read model's two collections, as readers see them now. */
export async function pairingCollections(
  reader: ReadModelReader,
): Promise<{ pairings: DocumentCollection; activists: DocumentCollection }> {
  const [pairings, activists] = await Promise.all([
    reader.collection('pairings', PAIRINGS),
    reader.collection('pairings', RURAL_ACTIVISTS),
  ]);
  return { pairings, activists };
}
