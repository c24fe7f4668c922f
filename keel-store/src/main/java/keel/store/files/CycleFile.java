package keel.store.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import keel.core.ledger.CanonicalRow;
import keel.core.ledger.InclusionProof;
import keel.core.ledger.MerkleTree;

/**
 * The recommendations file of a cycle run on Spark ({@code <cycle folder>/recommendations/*.parquet}),
 * read with DuckDB and hashed exactly as the Spark job hashed it: each row's column values in schema
 * order as {@link CanonicalRow} bytes, the leaves sorted by recommendation id (the first column), an
 * RFC 6962 Merkle tree over them. Comparing its root with the one the ledger holds detects any change,
 * deletion or addition of a row.
 */
public final class CycleFile {
    private final List<String> ids;
    private final List<byte[]> leaves;
    private final MerkleTree tree;

    private CycleFile(List<String> ids, List<byte[]> leaves) {
        this.ids = ids;
        this.leaves = leaves;
        this.tree = MerkleTree.of(leaves);
    }

    /**
     * Reads the recommendations under {@code cycleFolder}.
     *
     * @throws IllegalArgumentException when the folder holds no recommendations file
     */
    public static CycleFile read(Path cycleFolder) {
        Path recs = cycleFolder.resolve("recommendations");
        if (!Files.isDirectory(recs)) {
            throw new IllegalArgumentException(cycleFolder + " holds no recommendations/ folder; expected the folder of a "
                    + "cycle run on Spark, named by its cycle id");
        }
        record Leaf(String id, byte[] hash) {
        }
        List<Leaf> out = new ArrayList<>();
        String glob = recs.toAbsolutePath().toString().replace("'", "''") + "/*.parquet";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select * from read_parquet('" + glob + "')")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> values = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) values.add(rs.getObject(i));
                out.add(new Leaf(rs.getString(1), CanonicalRow.leafHash(values)));
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException("reading " + recs + " failed: " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Leaf::id));
        return new CycleFile(out.stream().map(Leaf::id).toList(), out.stream().map(Leaf::hash).toList());
    }

    /**
     * The {@code detail} column (the recommendation as JSON) of the rows of {@code cycleFolder}'s
     * recommendations whose ids are in {@code ids}, by id.
     */
    public static java.util.Map<String, String> details(Path cycleFolder, java.util.Set<String> ids) {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        if (ids.isEmpty()) return out;
        String glob = cycleFolder.resolve("recommendations").toAbsolutePath().toString().replace("'", "''") + "/*.parquet";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select id, detail from read_parquet('" + glob + "')")) {
            while (rs.next()) if (ids.contains(rs.getString(1))) out.put(rs.getString(1), rs.getString(2));
        } catch (SQLException e) {
            throw new IllegalArgumentException("reading " + glob + " failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** Number of recommendations. */
    public int size() {
        return ids.size();
    }

    /** The Merkle root over the recommendations, lower-case hex. */
    public String root() {
        return tree.root();
    }

    /** The leaf hash of recommendation {@code id}, if the file holds it. */
    public Optional<byte[]> leaf(String id) {
        int i = java.util.Collections.binarySearch(ids, id);
        return i < 0 ? Optional.empty() : Optional.of(leaves.get(i).clone());
    }

    /** The inclusion proof of recommendation {@code id}, if the file holds it. */
    public Optional<InclusionProof> proof(String id) {
        int i = java.util.Collections.binarySearch(ids, id);
        return i < 0 ? Optional.empty() : Optional.of(tree.proof(i));
    }
}
