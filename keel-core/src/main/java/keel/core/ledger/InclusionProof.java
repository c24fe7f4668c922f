package keel.core.ledger;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Proof that one leaf belongs to a Merkle tree of a given size and root: the sibling hashes from
 * the leaf up (RFC 6962 §2.1.1), checked as RFC 9162 §2.1.3.2 describes.
 *
 * @param index the leaf's position, 0-based, in the sorted leaves
 * @param treeSize the number of leaves in the tree
 * @param path sibling hashes as lower-case hex, lowest first
 */
public record InclusionProof(long index, long treeSize, List<String> path) {

    public InclusionProof {
        path = List.copyOf(path);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("proof of leaf " + index + " in a tree of " + treeSize + "; expected 0 <= index < size");
        }
    }

    /**
     * Whether this proof shows that the leaf with hash {@code leafHash} (from
     * {@link MerkleTree#leafHash}) is in the tree whose root is {@code root} (hex). False for any
     * changed leaf, sibling, index, size or root.
     */
    public boolean proves(byte[] leafHash, String root) {
        long fn = index;
        long sn = treeSize - 1;
        byte[] r = leafHash.clone();
        for (String hex : path) {
            if (sn == 0) return false;
            byte[] p = HexFormat.of().parseHex(hex);
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleTree.nodeHash(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleTree.nodeHash(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(r, HexFormat.of().parseHex(root));
    }
}
