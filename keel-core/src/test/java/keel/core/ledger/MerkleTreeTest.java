package keel.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MerkleTreeTest {
    /** The leaves and roots of the RFC 6962 reference tests (certificate-transparency merkle_tree_test). */
    static final String[] LEAVES = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
        "606162636465666768696a6b6c6d6e6f"};
    static final String[] ROOTS = {
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    static List<byte[]> referenceLeaves(int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(MerkleTree.leafHash(HexFormat.of().parseHex(LEAVES[i])));
        return out;
    }

    static List<byte[]> randomLeaves(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(MerkleTree.leafHash(Long.toString(r.nextLong()).getBytes()));
        return out;
    }

    @Test
    void roots_match_the_rfc_6962_reference_values_for_one_to_eight_leaves() {
        for (int n = 1; n <= 8; n++) {
            assertThat(MerkleTree.of(referenceLeaves(n)).root()).as("%d leaves", n).isEqualTo(ROOTS[n - 1]);
        }
    }

    @Test
    void root_of_no_leaves_is_the_hash_of_nothing() {
        assertThat(MerkleTree.of(List.of()).root())
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 8, 9, 31, 64, 100, 1000})
    void every_leaf_has_a_proof_that_verifies_against_the_root(int n) {
        List<byte[]> leaves = randomLeaves(n, n);
        MerkleTree tree = MerkleTree.of(leaves);

        String root = tree.root();

        for (int i = 0; i < n; i++) {
            InclusionProof proof = tree.proof(i);
            assertThat(proof.proves(leaves.get(i), root)).as("leaf %d of %d", i, n).isTrue();
            assertThat(proof.path().size()).isLessThanOrEqualTo(64 - Long.numberOfLeadingZeros(n));
        }
    }

    @Test
    void a_proof_fails_for_a_changed_leaf_another_index_another_size_or_another_root() {
        List<byte[]> leaves = randomLeaves(7, 100);
        MerkleTree tree = MerkleTree.of(leaves);
        InclusionProof proof = tree.proof(42);
        byte[] changed = MerkleTree.leafHash("something else".getBytes());

        boolean ofChangedLeaf = proof.proves(changed, tree.root());
        boolean atOtherIndex = new InclusionProof(43, 100, proof.path()).proves(leaves.get(42), tree.root());
        boolean inOtherSize = new InclusionProof(42, 300, proof.path()).proves(leaves.get(42), tree.root());
        boolean ofOtherRoot = proof.proves(leaves.get(42), MerkleTree.of(leaves.subList(0, 99)).root());

        assertThat(ofChangedLeaf).isFalse();
        assertThat(atOtherIndex).isFalse();
        assertThat(inOtherSize).isFalse();
        assertThat(ofOtherRoot).isFalse();
    }

    @Test
    void changing_removing_or_reordering_any_leaf_changes_the_root() {
        List<byte[]> leaves = randomLeaves(3, 50);
        String root = MerkleTree.of(leaves).root();
        List<byte[]> changed = new ArrayList<>(leaves);
        changed.set(17, MerkleTree.leafHash("x".getBytes()));
        List<byte[]> removed = new ArrayList<>(leaves);
        removed.remove(49);
        List<byte[]> swapped = new ArrayList<>(leaves);
        swapped.set(3, leaves.get(4));
        swapped.set(4, leaves.get(3));

        assertThat(MerkleTree.of(changed).root()).isNotEqualTo(root);
        assertThat(MerkleTree.of(removed).root()).isNotEqualTo(root);
        assertThat(MerkleTree.of(swapped).root()).isNotEqualTo(root);
    }

    @Test
    void a_leaf_that_is_not_a_sha_256_is_refused() {
        assertThatThrownBy(() -> MerkleTree.of(List.of(new byte[5])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaf 0 has 5 bytes");
    }
}
