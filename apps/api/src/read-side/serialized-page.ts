/**
 * A list page whose items were serialized when their view was rendered (and are cached so):
 * large items, such as ratings with their evidence, are not serialized again per request.
 */
export class SerializedPage {
  constructor(
    readonly items: readonly Buffer[],
    readonly nextCursor: string | null,
  ) {}

  /** Items are never mutated once serialized, so the same buffers mean the same bytes. */
  sameAs(other: SerializedPage): boolean {
    return (
      this.nextCursor === other.nextCursor &&
      this.items.length === other.items.length &&
      this.items.every((item, i) => item === other.items[i])
    );
  }

  /** The same bytes `JSON.stringify({ items, nextCursor })` gives for the items' views. */
  toBuffer(): Buffer {
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
