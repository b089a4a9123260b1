/**
 * The body of a link-hashing thread, as source: it runs with `eval` so that compiled and test
 * builds start it alike. It does what InlineLinkHasher does (a spec compares the two): for each
 * packed entry (META_STRIDE ints of meta each), SHA-256 of its link and whether that is the hash it
 * claims; for the anchored
 * ones, the leaf hash appended to an RFC 6962 compact range and compared with the anchored leaf.
 */
export const LINK_HASHING_WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { hash } = require('node:crypto');
const HEX = Buffer.from('0123456789abcdef');
const node = Buffer.alloc(65, 1);
const peaks = [];
let size = 0;
let firstDifferentLeaf = -1;

function append(leaf) {
  let merged = leaf;
  for (let n = size; n % 2 === 1; n = (n - 1) / 2) {
    node.set(peaks.pop(), 1);
    node.set(merged, 33);
    merged = hash('sha256', node, 'buffer');
  }
  peaks.push(merged);
  size++;
}

function root() {
  if (peaks.length === 0) return hash('sha256', Buffer.alloc(0), 'buffer');
  let r = peaks[peaks.length - 1];
  for (let i = peaks.length - 2; i >= 0; i--) {
    node.set(peaks[i], 1);
    node.set(r, 33);
    r = hash('sha256', node, 'buffer');
  }
  return r;
}

const slots = new Map();

function run(job) {
  if (job.buffers) {
    const { data, meta, digests, matches, anchored } = job.buffers;
    slots.set(job.slot, {
      bytes: new Uint8Array(data),
      meta: new Int32Array(meta),
      digests: new Uint8Array(digests),
      matches: new Uint8Array(matches),
      anchored: new Uint8Array(anchored),
    });
  }
  const { bytes, meta, digests, matches, anchored } = slots.get(job.slot);
  for (let i = 0; i < job.count; i++) {
    const at = 5 * i;
    const digest = hash('sha256', bytes.subarray(meta[at + 2], meta[at + 3]), 'buffer');
    digests.set(digest, 32 * i);
    const claimedAt = meta[at + 4];
    let same = claimedAt >= 0 ? 1 : 0;
    for (let b = 0; b < 32 && same; b++) {
      same = HEX[digest[b] >> 4] === bytes[claimedAt + 2 * b] &&
        HEX[digest[b] & 15] === bytes[claimedAt + 2 * b + 1] ? 1 : 0;
    }
    matches[i] = same;
    if (job.firstIndex + i >= job.anchoredSize) continue;
    const leaf = hash('sha256', bytes.subarray(meta[at], meta[at + 1]), 'buffer');
    if (firstDifferentLeaf < 0 && i < job.anchoredCount) {
      for (let b = 0; b < 32; b++) {
        if (anchored[32 * i + b] !== leaf[b]) {
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
