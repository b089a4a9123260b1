import type { ReadModelReader } from '@gongjian/projections';

/** Read-your-writes: a query with `minPosition` waits (bounded) until read models have applied it. */
export async function awaitPosition(
  reader: ReadModelReader,
  minPosition: string | undefined,
): Promise<void> {
  if (minPosition !== undefined) await reader.waitForPosition(minPosition);
}
