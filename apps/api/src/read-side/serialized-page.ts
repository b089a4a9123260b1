import type { DocumentVersion } from '@gongjian/read-store';
import { LRUCache } from 'lru-cache';

/**
 * A list page whose items were serialized when their view was rendered (and are cached so):
 * large items, such as ratings with their evidence, are not serialized again per request.
 */
export class SerializedPage {
  constructor(
    readonly items: readonly Buffer[],
    readonly nextCursor: string | null,
  ) {}

  private bytes?: Buffer;

  get byteLength(): number {
    return this.toBuffer().length;
  }

  /** The same bytes `JSON.stringify({ items, nextCursor })` gives for the items' views. */
  toBuffer(): Buffer {
    return (this.bytes ??= this.build());
  }

  private build(): Buffer {
    const parts: Buffer[] = [OPEN];
    this.items.forEach((item, i) => {
      if (i > 0) parts.push(COMMA);
      parts.push(item);
    });
    parts.push(Buffer.from(`],"nextCursor":${JSON.stringify(this.nextCursor)}}`));
    return Buffer.concat(parts);
  }
}

export const serializeView = (view: unknown): Buffer => Buffer.from(JSON.stringify(view));

const OPEN = Buffer.from('{"items":[');
const COMMA = Buffer.from(',');

/**
 * Whole pages as sent, keyed by the physical collection and the versions of the documents they
 * show (and their cursor):
 * a page asked again while none of its documents moved is the same bytes, not built again.
 * Only for views that depend on their document alone (not on the day or other documents).
 */
export class SerializedPages {
  private readonly pages = new LRUCache<string, SerializedPage>({
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (page) => page.byteLength,
  });

  async page(
    collection: string,
    versions: readonly DocumentVersion[],
    nextCursor: string | null,
    items: () => Promise<Buffer[]>,
  ): Promise<SerializedPage> {
    const key = `${collection}\u0000${nextCursor}\u0000${versions.map((v) => `${v._id}\u0001${v._pos}`).join('\u0000')}`;
    const cached = this.pages.get(key);
    if (cached) return cached;
    const page = new SerializedPage(await items(), nextCursor);
    this.pages.set(key, page);
    return page;
  }
}
