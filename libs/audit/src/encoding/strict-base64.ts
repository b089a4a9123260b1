/**
 * Strict base64: decoding and encoding again gives the same text. Node's decoder ignores the
 * unused low bits of a last character, so without this check two spellings of one signature or
 * hash would both verify, and an edit of such a character would pass unseen.
 */
export function strictBase64(value: unknown): Buffer | undefined {
  if (typeof value !== 'string') return undefined;
  const bytes = Buffer.from(value, 'base64');
  return bytes.toString('base64') === value ? bytes : undefined;
}
