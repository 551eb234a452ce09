import { fromHex, toHex } from './encoding';
import { MerkleTree } from './merkle-tree';
import { verifyConsistency, verifyInclusion } from './proofs';
import { emptyRoot, hashLeaf, rootFromLeaves } from './rfc6962';

// Known answers from the RFC 6962 test suite of transparency-dev/merkle (proof/verify_test.go,
// the vectors certificate-transparency uses): eight raw leaves, the roots of the trees of
// their first 1..8 leaves, and inclusion and consistency proofs between them.
const leaves = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
const roots = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];
// The suite numbers leaves from 1; these indices are 0-based.
const inclusionProofs = [
  {
    leafIndex: 0,
    treeSize: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    leafIndex: 5,
    treeSize: 8,
    proof: [
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  { leafIndex: 2, treeSize: 3, proof: ['fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125'] },
  {
    leafIndex: 1,
    treeSize: 5,
    proof: [
      '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  { leafIndex: 0, treeSize: 1, proof: [] },
];
const consistencyProofs = [
  { oldSize: 1, newSize: 1, proof: [] },
  {
    oldSize: 1,
    newSize: 8,
    proof: [
      '96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7',
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      '6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4',
    ],
  },
  {
    oldSize: 6,
    newSize: 8,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
  {
    oldSize: 2,
    newSize: 5,
    proof: [
      '5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e',
      'bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b',
    ],
  },
  {
    oldSize: 6,
    newSize: 7,
    proof: [
      '0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a',
      'b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f',
      'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
    ],
  },
];

const leafHashes = leaves.map((leaf) => hashLeaf(fromHex(leaf)));
const rootOf = (size: number) => fromHex(roots[size - 1]!);

function treeOfAllLeaves(): MerkleTree {
  const tree = new MerkleTree();
  for (const leafHash of leafHashes) tree.append(leafHash);
  return tree;
}

describe('RFC 6962 known answers', () => {
  it('hashes the empty tree to SHA-256 of the empty string', () => {
    expect(toHex(emptyRoot())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(toHex(new MerkleTree().root())).toBe(toHex(emptyRoot()));
    expect(toHex(rootFromLeaves([]))).toBe(toHex(emptyRoot()));
  });

  it.each(roots.map((root, i) => [i + 1, root] as const))('roots the first %i leaves at %s', (size, root) => {
    expect(toHex(treeOfAllLeaves().root(size))).toBe(root);
    expect(toHex(rootFromLeaves(leafHashes.slice(0, size)))).toBe(root);
  });

  it('grows through the same roots one append at a time', () => {
    const tree = new MerkleTree();
    const seen = leafHashes.map((leafHash) => {
      tree.append(leafHash);
      return toHex(tree.root());
    });
    expect(seen).toEqual(roots);
  });

  it.each(inclusionProofs)('proves leaf $leafIndex in the tree of $treeSize', ({ leafIndex, treeSize, proof }) => {
    const built = treeOfAllLeaves().inclusionProof(leafIndex, treeSize);
    expect(built.map(toHex)).toEqual(proof);
    expect(verifyInclusion(leafHashes[leafIndex]!, leafIndex, treeSize, proof.map(fromHex), rootOf(treeSize))).toBe(
      true,
    );
  });

  it.each(consistencyProofs)('proves size $oldSize consistent with size $newSize', ({ oldSize, newSize, proof }) => {
    const built = treeOfAllLeaves().consistencyProof(oldSize, newSize);
    expect(built.map(toHex)).toEqual(proof);
    expect(verifyConsistency(oldSize, newSize, rootOf(oldSize), rootOf(newSize), proof.map(fromHex))).toBe(true);
  });

  it('rejects the suite’s corruptions of a known inclusion proof', () => {
    const { leafIndex, treeSize, proof } = inclusionProofs[1]!;
    const leaf = leafHashes[leafIndex]!;
    const path = proof.map(fromHex);
    const root = rootOf(treeSize);
    expect(verifyInclusion(leaf, leafIndex - 1, treeSize, path, root)).toBe(false);
    expect(verifyInclusion(leaf, leafIndex + 1, treeSize, path, root)).toBe(false);
    expect(verifyInclusion(leaf, leafIndex ^ 2, treeSize, path, root)).toBe(false);
    expect(verifyInclusion(leaf, leafIndex, treeSize * 2, path, root)).toBe(false);
    expect(verifyInclusion(leaf, leafIndex, treeSize / 2, path, root)).toBe(false);
    expect(verifyInclusion(leaf, leafIndex, treeSize, [...path, root], root)).toBe(false);
    expect(verifyInclusion(leaf, leafIndex, treeSize, [root, ...path], root)).toBe(false);
    expect(verifyInclusion(leaf, leafIndex, treeSize, path.slice(0, -1), root)).toBe(false);
    expect(verifyInclusion(leaf, leafIndex, treeSize, path, emptyRoot())).toBe(false);
  });

  it('rejects the suite’s corruptions of a known consistency proof', () => {
    const { oldSize, newSize, proof } = consistencyProofs[2]!;
    const path = proof.map(fromHex);
    const [oldRoot, newRoot] = [rootOf(oldSize), rootOf(newSize)];
    expect(verifyConsistency(oldSize - 1, newSize, oldRoot, newRoot, path)).toBe(false);
    expect(verifyConsistency(oldSize + 1, newSize, oldRoot, newRoot, path)).toBe(false);
    expect(verifyConsistency(oldSize ^ 2, newSize, oldRoot, newRoot, path)).toBe(false);
    expect(verifyConsistency(oldSize, newSize * 2, oldRoot, newRoot, path)).toBe(false);
    expect(verifyConsistency(oldSize, newSize, newRoot, oldRoot, path)).toBe(false);
    expect(verifyConsistency(oldSize, newSize, oldRoot, newRoot, [])).toBe(false);
    expect(verifyConsistency(oldSize, newSize, oldRoot, newRoot, [...path, newRoot])).toBe(false);
    expect(verifyConsistency(oldSize, newSize, oldRoot, newRoot, [path[0]!, ...path])).toBe(false);
    expect(verifyConsistency(oldSize, newSize, oldRoot, newRoot, path.slice(0, -1))).toBe(false);
  });

  it('answers the trivial sizes without a proof and refuses impossible ones', () => {
    const [root1, root2] = [rootOf(1), rootOf(2)];
    expect(verifyConsistency(0, 0, emptyRoot(), emptyRoot(), [])).toBe(true);
    expect(verifyConsistency(0, 1, emptyRoot(), root1, [])).toBe(true);
    expect(verifyConsistency(1, 1, root1, root1, [])).toBe(true);
    expect(verifyConsistency(1, 1, root1, root2, [])).toBe(false);
    expect(verifyConsistency(1, 0, root1, emptyRoot(), [])).toBe(false);
    expect(verifyConsistency(1, 1, root1, root1, [emptyRoot()])).toBe(false);
    expect(verifyInclusion(leafHashes[0]!, 0, 0, [], emptyRoot())).toBe(false);
    expect(verifyInclusion(leafHashes[0]!, 1, 1, [], root1)).toBe(false);
    expect(verifyInclusion(new Uint8Array(0), 0, 1, [], new Uint8Array(0))).toBe(false);
  });
});
