package keel.core.ledger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A Merkle tree over the leaves of one cycle's output, so that a cycle of millions of
 * recommendations is one ledger entry carrying the root, and any single recommendation can still be
 * proven to belong to its cycle by a path of about log2(n) hashes.
 *
 * <p>The shape and hashing follow RFC 6962 §2.1 (Certificate Transparency): a leaf hash is
 * SHA-256(0x00 ‖ data), an inner node SHA-256(0x01 ‖ left ‖ right); the split of n leaves is at the
 * largest power of two below n, so no leaf is duplicated and the tree of n leaves is unique. The
 * prefixes keep a leaf from being passed off as an inner node (second-preimage defence). The root of
 * no leaves is SHA-256 of nothing. Leaves are taken in the order given: callers sort them (by
 * recommendation id) first.
 */
public final class MerkleTree {
    private final byte[][] leaves;

    private MerkleTree(byte[][] leaves) {
        this.leaves = leaves;
    }

    /** The tree over {@code leafHashes} (each from {@link #leafHash}), in that order. */
    public static MerkleTree of(List<byte[]> leafHashes) {
        byte[][] copy = new byte[leafHashes.size()][];
        for (int i = 0; i < copy.length; i++) {
            byte[] h = leafHashes.get(i);
            if (h.length != 32) throw new IllegalArgumentException("leaf " + i + " has " + h.length + " bytes; expected a 32-byte SHA-256");
            copy[i] = h.clone();
        }
        return new MerkleTree(copy);
    }

    /** SHA-256(0x00 ‖ data): the hash of one leaf's canonical bytes. */
    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = HashChain.sha256();
        sha.update((byte) 0);
        return sha.digest(data);
    }

    static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = HashChain.sha256();
        sha.update((byte) 1);
        sha.update(left);
        return sha.digest(right);
    }

    public int size() {
        return leaves.length;
    }

    /** The root hash, as lower-case hex. */
    public String root() {
        return HexFormat.of().formatHex(leaves.length == 0 ? HashChain.sha256().digest() : hash(0, leaves.length));
    }

    private byte[] hash(int from, int to) {
        if (to - from == 1) return leaves[from];
        int k = split(to - from);
        return nodeHash(hash(from, from + k), hash(from + k, to));
    }

    /** The largest power of two strictly below {@code n} (n >= 2). */
    private static int split(int n) {
        return Integer.highestOneBit(n - 1);
    }

    /**
     * The inclusion proof of leaf {@code index}: the sibling hashes from the leaf up to the root
     * (RFC 6962 §2.1.1 audit path).
     *
     * @throws IllegalArgumentException when {@code index} is not a leaf of this tree
     */
    public InclusionProof proof(int index) {
        if (index < 0 || index >= leaves.length) {
            throw new IllegalArgumentException("leaf index " + index + "; expected 0 to " + (leaves.length - 1));
        }
        List<String> path = new ArrayList<>();
        path(index, 0, leaves.length, path);
        return new InclusionProof(index, leaves.length, path);
    }

    private void path(int m, int from, int to, List<String> out) {
        if (to - from == 1) return;
        int k = split(to - from);
        if (m < k) {
            path(m, from, from + k, out);
            out.add(HexFormat.of().formatHex(hash(from + k, to)));
        } else {
            path(m - k, from + k, to, out);
            out.add(HexFormat.of().formatHex(hash(from, from + k)));
        }
    }
}
