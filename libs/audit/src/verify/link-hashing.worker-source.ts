/**
 * The body of a link-hashing thread, as source: it runs with `eval` so that compiled and test
 * builds start it alike. For each packed link it writes SHA-256 of the link's bytes, then SHA-256
 * of 0x00 ‖ leaf, as InlineLinkHasher does (a spec compares the two).
 */
export const LINK_HASHING_WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { hash } = require('node:crypto');
parentPort.on('message', (job) => {
  const bytes = new Uint8Array(job.data);
  const meta = new Int32Array(job.meta);
  const out = new Uint8Array(job.results);
  for (let i = 0; i < job.count; i++) {
    const at = 4 * i;
    out.set(hash('sha256', bytes.subarray(meta[at + 2], meta[at + 3]), 'buffer'), 64 * i);
    out.set(hash('sha256', bytes.subarray(meta[at], meta[at + 1]), 'buffer'), 64 * i + 32);
  }
  parentPort.postMessage(job.id);
});
`;
