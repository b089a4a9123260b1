/**
 * The body of a link-hashing thread, as source: it runs with `eval` so that compiled and test
 * builds start it alike. It does what InlineLinkHasher does (a spec compares the two): for each
 * packed entry (META_STRIDE ints of meta each), SHA-256 of its link and whether that is the hash it
 * claims (the digest is written out only where it is not); for the anchored ones, the leaf hash
 * appended to an RFC 6962 compact range and compared with the anchored leaf.
 */
export const LINK_HASHING_WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { hash } = require('node:crypto');
// Digests come as strings (hex, or latin1: one char a byte): a Buffer per digest costs a backing
// store each, which for the tree's 65-byte nodes costs more than the hashing itself.
const node = Buffer.alloc(65, 1);
const peaks = [];
let size = 0;
let firstDifferentLeaf = -1;

function setLatin1(target, at, text) {
  for (let b = 0; b < text.length; b++) target[at + b] = text.charCodeAt(b);
}

function merged(left, right) {
  setLatin1(node, 1, left);
  setLatin1(node, 33, right);
  return hash('sha256', node, 'latin1');
}

function append(leaf) {
  let top = leaf;
  for (let n = size; n % 2 === 1; n = (n - 1) / 2) top = merged(peaks.pop(), top);
  peaks.push(top);
  size++;
}

function root() {
  if (peaks.length === 0) return hash('sha256', Buffer.alloc(0), 'buffer');
  let r = peaks[peaks.length - 1];
  for (let i = peaks.length - 2; i >= 0; i--) r = merged(peaks[i], r);
  return Buffer.from(r, 'latin1');
}

const slots = new Map();

function run(job) {
  if (job.buffers) {
    const { data, meta, digests, matches, anchored } = job.buffers;
    slots.set(job.slot, {
      bytes: new Uint8Array(data),
      meta: new Int32Array(meta),
      digests: Buffer.from(digests),
      matches: new Uint8Array(matches),
      anchored: new Uint8Array(anchored),
    });
  }
  const { bytes, meta, digests, matches, anchored } = slots.get(job.slot);
  for (let i = 0; i < job.count; i++) {
    const at = 5 * i;
    const digest = hash('sha256', bytes.subarray(meta[at + 2], meta[at + 3]), 'hex');
    const claimedAt = meta[at + 4];
    let same = claimedAt >= 0 ? 1 : 0;
    for (let c = 0; c < 64 && same; c++) {
      if (digest.charCodeAt(c) !== bytes[claimedAt + c]) same = 0;
    }
    matches[i] = same;
    if (!same) digests.write(digest, 32 * i, 32, 'hex');
    if (job.firstIndex + i >= job.anchoredSize) continue;
    const leaf = hash('sha256', bytes.subarray(meta[at], meta[at + 1]), 'latin1');
    if (firstDifferentLeaf < 0 && i < job.anchoredCount) {
      for (let b = 0; b < 32; b++) {
        if (anchored[32 * i + b] !== leaf.charCodeAt(b)) {
          firstDifferentLeaf = job.firstIndex + i;
          break;
        }
      }
    }
    append(leaf);
  }
}

parentPort.on('message', (job) => {
  if (job.finish) {
    parentPort.postMessage({ id: job.id, size, root: root(), firstDifferentLeaf });
    return;
  }
  run(job);
  parentPort.postMessage({ id: job.id });
});
`;
