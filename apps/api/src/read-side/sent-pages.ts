import { LRUCache } from 'lru-cache';
import type { SerializedPage } from './serialized-page';

/**
 * The bytes of the pages sent lately, by request URL, sent again while a page names the same item
 * bytes and cursor. A page of ratings is about 500 KB: joined anew for every request, those
 * buffers made the garbage collector run a full collection about every 100 ms under load.
 */
export class SentPages {
  private readonly pages: LRUCache<string, { page: SerializedPage; bytes: Buffer }>;

  constructor(maxBytes = 32 * 1024 * 1024) {
    this.pages = new LRUCache({ maxSize: maxBytes, sizeCalculation: ({ bytes }) => bytes.length });
  }

  bytesOf(url: string, page: SerializedPage): Buffer {
    const sent = this.pages.get(url);
    if (sent !== undefined && sent.page.sameAs(page)) return sent.bytes;
    const bytes = page.toBuffer();
    this.pages.set(url, { page, bytes });
    return bytes;
  }
}
