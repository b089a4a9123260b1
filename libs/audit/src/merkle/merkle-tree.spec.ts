import fc from 'fast-check';
import { CompactRange } from './compact-range';
import { EMPTY_ROOT, hashLeaf } from './merkle-hash';
import { checkConsistency, checkInclusion } from './merkle-proof.verifier';
import { MerkleTree } from './merkle-tree';

// transparency-dev/merkle testonly/constants.go: LeafInputs, NodeHashes[0] and RootHashes.
const LEAF_INPUTS = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
].map((hex) => Buffer.from(hex, 'hex'));
const LEAF_HASHES = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
  '0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7',
  '07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7',
  'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
  '4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658',
  'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
  '46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1',
];
const ROOTS = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const hex = (b: Buffer) => b.toString('hex');
const leavesOf = (count: number) =>
  Array.from({ length: count }, (_, i) => hashLeaf(Buffer.from(`event ${i}`)));

describe('RFC 6962 hashing (published test vectors)', () => {
  it('hashes the leaf inputs to the published leaf hashes', () => {
    expect(LEAF_INPUTS.map((input) => hex(hashLeaf(input)))).toEqual(LEAF_HASHES);
  });

  it('gives the published root for every size from 0 to 8, in both trees', () => {
    const range = new CompactRange();
    const tree = new MerkleTree();
    expect(hex(range.root())).toBe(ROOTS[0]);
    expect(hex(EMPTY_ROOT)).toBe(ROOTS[0]);
    LEAF_INPUTS.forEach((input, i) => {
      range.append(hashLeaf(input));
      tree.append(hashLeaf(input));
      expect(hex(range.root())).toBe(ROOTS[i + 1]);
      expect(hex(tree.root())).toBe(ROOTS[i + 1]);
    });
    ROOTS.forEach((root, size) => expect(hex(tree.root(size))).toBe(root));
  });

  it('keeps one peak per set bit of the size', () => {
    const range = new CompactRange();
    for (const leaf of leavesOf(13)) range.append(leaf);
    expect(range.frontier).toHaveLength(3);
    const resumed = new CompactRange(range.size, range.frontier);
    const tree = new MerkleTree(leavesOf(14));
    resumed.append(tree.leaf(13));
    expect(resumed.root()).toEqual(tree.root());
    expect(() => new CompactRange(5, range.frontier.slice(0, 1))).toThrow(RangeError);
  });
});

describe('proofs from the tree, checked by the verifier', () => {
  it('proves every leaf of every tree up to 40 leaves, and nothing else', () => {
    const tree = new MerkleTree(leavesOf(40));
    for (let size = 1; size <= 40; size++) {
      for (let index = 0; index < size; index++) {
        const proof = tree.inclusionProof(index, size);
        expect(
          checkInclusion(index, size, tree.leaf(index), proof, tree.root(size)),
        ).toBeUndefined();
        const other = tree.leaf((index + 1) % 40);
        if (size > 1)
          expect(checkInclusion(index, size, other, proof, tree.root(size))).toBeDefined();
      }
    }
  });

  it('proves every pair of sizes up to 40 consistent', () => {
    const tree = new MerkleTree(leavesOf(40));
    for (let newer = 1; newer <= 40; newer++) {
      for (let older = 1; older <= newer; older++) {
        const proof = tree.consistencyProof(older, newer);
        expect(
          checkConsistency(older, newer, tree.root(older), tree.root(newer), proof),
        ).toBeUndefined();
      }
    }
  });

  it('refuses any proof with one flipped bit (property)', () => {
    const tree = new MerkleTree(leavesOf(300));
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 300 })
          .chain((newer) =>
            fc.tuple(
              fc.integer({ min: 1, max: newer - 1 }),
              fc.constant(newer),
              fc.nat(),
              fc.nat(255),
            ),
          ),
        ([older, newer, pick, bit]) => {
          const proof = tree.consistencyProof(older, newer).map((h) => Buffer.from(h));
          const node = proof[pick % proof.length];
          node[bit % 32] ^= 1 << (bit % 8);
          expect(
            checkConsistency(older, newer, tree.root(older), tree.root(newer), proof),
          ).toBeDefined();
          const inclusion = tree.inclusionProof(older - 1, newer).map((h) => Buffer.from(h));
          inclusion[pick % inclusion.length][bit % 32] ^= 1;
          expect(
            checkInclusion(older - 1, newer, tree.leaf(older - 1), inclusion, tree.root(newer)),
          ).toBeDefined();
        },
      ),
    );
  });

  it('refuses sizes that do not make a tree', () => {
    const tree = new MerkleTree(leavesOf(4));
    expect(() => tree.inclusionProof(4, 4)).toThrow(RangeError);
    expect(() => tree.consistencyProof(0, 4)).toThrow(RangeError);
    expect(() => tree.root(5)).toThrow(RangeError);
  });
});
