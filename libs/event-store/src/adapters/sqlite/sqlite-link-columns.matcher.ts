/** The columns readers see that the stored link bytes also hold. */
export interface LinkColumns {
  eventId: unknown;
  streamId: unknown;
  revision: unknown;
  type: unknown;
  recordedAt: unknown;
  prevHash: unknown;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
/** Deeper nesting is left to the port's reading. */
const MAX_DEPTH = 64;

const EVENT_ID = 0;
const STREAM_ID = 1;
const REVISION = 2;
const TYPE = 3;
const RECORDED_AT = 4;
const PREV_HASH = 5;
const METADATA = 6;
const FIELDS = 7;

/** Keys whose values are compared, with the field each names: the event's own, its metadata's. */
interface KeyLevel {
  names: string[];
  keys: Buffer[];
  fields: number[];
}
const level = (named: Record<string, number>): KeyLevel => ({
  names: Object.keys(named),
  keys: Object.keys(named).map((key) => Buffer.from(key, 'latin1')),
  fields: Object.values(named),
});
const EVENT_KEYS = level({
  eventId: EVENT_ID,
  streamId: STREAM_ID,
  revision: REVISION,
  type: TYPE,
  metadata: METADATA,
});
const METADATA_KEYS = level({ recordedAt: RECORDED_AT, prevHash: PREV_HASH });
const LITERALS = ['true', 'false', 'null'].map((literal) => Buffer.from(literal, 'latin1'));

/** What is open at each depth: the event, its metadata, or any other object or array. */
const EVENT = 1;
const EVENT_METADATA = 2;
const OBJECT = 3;
const ARRAY = 4;

/**
 * Decides on the bytes alone, without parsing them into objects, whether stored link bytes are
 * JSON that `JSON.parse` reads with exactly these columns' values as its eventId, streamId,
 * revision, type, metadata.recordedAt and metadata.prevHash. It answers true only for a subset of
 * such JSON (no whitespace, each of those keys once, not nested too deep), which holds every link
 * the store writes; false means only "not shown": the row is then read as the port reads it,
 * which decides. One instance per reader, not shared between threads.
 */
export class SqliteLinkColumnsMatcher {
  private bytes: Buffer = Buffer.alloc(0);
  /** The same bytes, read four at a time. */
  private words: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  /** Start and end of each field's value, strings without their quotes; -1 while not seen. */
  private readonly found = new Int32Array(2 * FIELDS);
  /** One bit per field whose string value holds an escape. */
  private escapedFields = 0;
  private readonly open = new Uint8Array(MAX_DEPTH + 1);

  matches(bytes: Buffer, start: number, end: number, columns: LinkColumns): boolean {
    if (bytes !== this.bytes) {
      this.bytes = bytes;
      this.words = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    }
    if (!this.scan(bytes, start, end)) return false;
    const { found } = this;
    return (
      this.sameText(EVENT_ID, columns.eventId) &&
      this.sameText(STREAM_ID, columns.streamId) &&
      this.sameText(TYPE, columns.type) &&
      this.sameText(RECORDED_AT, columns.recordedAt) &&
      this.sameText(PREV_HASH, columns.prevHash) &&
      sameInteger(bytes, found[2 * REVISION], found[2 * REVISION + 1], columns.revision)
    );
  }

  /**
   * Checks that `bytes[start, end)` are one JSON object as RFC 8259 has it, without whitespace,
   * and notes where the compared fields' values are. One loop over members with an explicit stack:
   * the cost is per member and per byte, and most bytes are inside strings.
   */
  private scan(bytes: Buffer, start: number, end: number): boolean {
    const { words, found, open } = this;
    for (let f = 0; f < found.length; f++) found[f] = -1;
    this.escapedFields = 0;
    if (end - start < 2 || bytes[start] !== OPEN_OBJECT) return false;
    let depth = 1;
    open[depth] = EVENT;
    /** Right after an opening bracket, where the container may close at once. */
    let opened = true;
    let i = start + 1;
    for (;;) {
      if (i >= end) return false;
      let c = bytes[i];
      const kind = open[depth];
      if (!opened || c !== (kind === ARRAY ? CLOSE_ARRAY : CLOSE_OBJECT)) {
        let field = -1;
        if (kind !== ARRAY) {
          const scanned = c === QUOTE ? stringEnd(bytes, words, i, end) : 0;
          if (scanned === 0) return false;
          const after = scanned > 0 ? scanned : -scanned;
          if (kind !== OBJECT) {
            const keys = kind === EVENT ? EVENT_KEYS : METADATA_KEYS;
            field =
              scanned > 0
                ? fieldOf(keys, bytes, i + 1, after - 1)
                : fieldNamed(keys, decoded(bytes, i, after));
            if (field >= 0 && found[2 * field] !== -1) return false; // given twice
          }
          if (after + 1 >= end || bytes[after] !== COLON) return false;
          i = after + 1;
          c = bytes[i];
        }
        if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
          if (depth === MAX_DEPTH) return false;
          let opening = c === OPEN_ARRAY ? ARRAY : OBJECT;
          if (field === METADATA && c === OPEN_OBJECT) {
            found[2 * METADATA] = i;
            opening = EVENT_METADATA;
          } else if (field >= 0) return false; // a compared field that is no string or number
          open[++depth] = opening;
          opened = true;
          i++;
          continue;
        }
        let after: number;
        if (c === QUOTE) {
          const scanned = stringEnd(bytes, words, i, end);
          if (scanned === 0) return false;
          after = scanned > 0 ? scanned : -scanned;
          if (field >= 0 && scanned < 0) this.escapedFields |= 1 << field;
        } else {
          after =
            c === MINUS || (c >= ZERO && c <= NINE)
              ? numberEnd(bytes, i, end)
              : literalEnd(bytes, i, end);
          if (after < 0) return false;
        }
        if (field >= 0) {
          found[2 * field] = c === QUOTE ? i + 1 : i;
          found[2 * field + 1] = c === QUOTE ? after - 1 : after;
        }
        i = after;
      }
      // A value ended before `i` (or a container opened empty): what closes, then a comma.
      for (;;) {
        if (i >= end) return false;
        c = bytes[i++];
        if (c === COMMA) break;
        if (c !== (open[depth] === ARRAY ? CLOSE_ARRAY : CLOSE_OBJECT)) return false;
        if (--depth === 0) return i === end;
      }
      opened = false;
    }
  }

  /** Whether the field's unescaped string value is `column`, as JSON.parse would give it. */
  private sameText(field: number, column: unknown): boolean {
    const start = this.found[2 * field];
    const end = this.found[2 * field + 1];
    if (start < 1 || typeof column !== 'string' || this.bytes[start - 1] !== QUOTE) return false;
    const { bytes } = this;
    if (this.escapedFields & (1 << field)) return decoded(bytes, start - 1, end + 1) === column;
    if (end - start !== column.length) return bytes.toString('utf8', start, end) === column;
    for (let i = 0; i < column.length; i++) {
      const c = column.charCodeAt(i);
      if (c >= 0x80) return bytes.toString('utf8', start, end) === column;
      if (bytes[start + i] !== c) return false;
    }
    return true;
  }
}

/**
 * From a string's opening quote: the index past its closing quote, negated when the string holds
 * an escape; 0 when it is no JSON string (a control character, a bad escape, no end).
 */
function stringEnd(
  bytes: Buffer,
  words: DataView<ArrayBufferLike>,
  quote: number,
  end: number,
): number {
  let escaped = false;
  let i = quote + 1;
  for (;;) {
    if (i >= end) return 0;
    // Most bytes are inside strings: four at a time while none of them is special.
    while (i + 4 <= end && isPlainText(words.getInt32(i, true))) i += 4;
    if (i >= end) return 0;
    const c = bytes[i];
    if (c === QUOTE) return escaped ? -(i + 1) : i + 1;
    if (c < 0x20) return 0;
    if (c !== BACKSLASH) {
      i++;
      continue;
    }
    escaped = true;
    const e = i + 1 < end ? bytes[i + 1] : 0;
    if (e === 0x75) {
      if (i + 6 > end || !isHex4(bytes, i + 2)) return 0;
      i += 6;
    } else if (ESCAPES.includes(e)) i += 2;
    else return 0;
  }
}

/** What may follow a backslash, besides u and four hex digits. */
const ESCAPES = [...'"\\/bfnrt'].map((c) => c.charCodeAt(0));

/**
 * Whether none of four bytes is a quote, a backslash or a control character (below 0x20), by
 * the usual bit tricks, which never miss one (they may flag a word that has none; it is then
 * read byte by byte).
 */
function isPlainText(word: number): boolean {
  const quotes = word ^ 0x22222222;
  const backslashes = word ^ 0x5c5c5c5c;
  const flagged =
    ((quotes - 0x01010101) & ~quotes) |
    ((backslashes - 0x01010101) & ~backslashes) |
    ((word - 0x20202020) & ~word);
  return (flagged & 0x80808080) === 0;
}

/** RFC 8259's number grammar: the index past the number, or -1. */
function numberEnd(bytes: Buffer, from: number, end: number): number {
  let i = from;
  if (bytes[i] === MINUS) i++;
  if (i >= end) return -1;
  if (bytes[i] === ZERO) i++;
  else if ((i = digitsEnd(bytes, i, end)) === -1) return -1;
  if (i < end && bytes[i] === DOT && (i = digitsEnd(bytes, i + 1, end)) === -1) return -1;
  if (i < end && (bytes[i] === 0x65 || bytes[i] === 0x45)) {
    i++;
    if (i < end && (bytes[i] === PLUS || bytes[i] === MINUS)) i++;
    if ((i = digitsEnd(bytes, i, end)) === -1) return -1;
  }
  return i;
}

/** Past one or more digits, or -1. */
function digitsEnd(bytes: Buffer, from: number, end: number): number {
  let i = from;
  while (i < end && bytes[i] >= ZERO && bytes[i] <= NINE) i++;
  return i === from ? -1 : i;
}

function literalEnd(bytes: Buffer, from: number, end: number): number {
  for (const literal of LITERALS) {
    if (from + literal.length <= end && holds(bytes, from, literal)) return from + literal.length;
  }
  return -1;
}

/** A JSON string already checked, as JSON.parse reads it: only for the rare one with escapes. */
function decoded(bytes: Buffer, quote: number, end: number): string {
  return JSON.parse(bytes.toString('utf8', quote, end)) as string;
}

function fieldNamed({ names, fields }: KeyLevel, name: string): number {
  const k = names.indexOf(name);
  return k === -1 ? -1 : fields[k];
}

/** The field a key names at its level, or -1. */
function fieldOf({ keys, fields }: KeyLevel, bytes: Buffer, start: number, end: number): number {
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    if (key.length === end - start && key[0] === bytes[start] && holds(bytes, start, key)) {
      return fields[k];
    }
  }
  return -1;
}

function isHex4(bytes: Buffer, at: number): boolean {
  for (let i = at; i < at + 4; i++) {
    const c = bytes[i];
    const hex = (c >= ZERO && c <= NINE) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
    if (!hex) return false;
  }
  return true;
}

/** Whether `bytes` hold `expected` at `at` (short keys: a loop beats a native call). */
function holds(bytes: Buffer, at: number, expected: Buffer): boolean {
  for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected[i]) return false;
  return true;
}

/**
 * A number token (right after its colon, not a string) of plain digits, short enough that summing
 * them is exact, as JSON.parse's result is.
 */
function sameInteger(bytes: Buffer, start: number, end: number, column: unknown): boolean {
  if (typeof column !== 'number' || start < 1 || bytes[start - 1] !== COLON) return false;
  if (end - start > 15 || end === start) return false;
  if (bytes[start] === ZERO && end - start > 1) return false;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i];
    if (c < ZERO || c > NINE) return false;
    n = n * 10 + (c - ZERO);
  }
  return n === column;
}
