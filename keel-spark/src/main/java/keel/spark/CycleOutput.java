package keel.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.isnan;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import keel.core.decision.DecisionType;
import keel.core.ledger.CanonicalRow;
import keel.core.ledger.MerkleTree;
import keel.store.jdbc.Json;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;

/**
 * One cycle's output folder and its commit. Everything is written under
 * {@code outputRoot/_tmp/<cycle id>-<random>}; the summary, with the Merkle root, is written last;
 * then the folder is renamed to {@code outputRoot/<cycle id>} in one step. A reader never sees half a
 * cycle, a rerun finds the folder and writes nothing, and of two runs racing, the second rename fails
 * and its copy is deleted.
 *
 * <p>On local and HDFS file systems the rename is atomic. On object stores (S3) a rename is a copy:
 * put the output root on HDFS or a file system with atomic rename.
 */
final class CycleOutput {
    private static final StructType EXCEPTIONS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("id", DataTypes.StringType, false),
            DataTypes.createStructField("item", DataTypes.StringType, false),
            DataTypes.createStructField("quantity", DataTypes.DoubleType, false),
            DataTypes.createStructField("value_at_stake", DataTypes.DoubleType, false),
            DataTypes.createStructField("review_reasons", DataTypes.StringType, false),
            DataTypes.createStructField("fallback_reason", DataTypes.StringType, true),
            DataTypes.createStructField("queued", DataTypes.BooleanType, false),
            DataTypes.createStructField("rank", DataTypes.IntegerType, false)));

    private final SparkSession spark;
    private final String root;
    private final String cycleId;
    private final Path committed;

    CycleOutput(SparkSession spark, String root, String cycleId) {
        this.spark = spark;
        this.root = root;
        this.cycleId = cycleId;
        this.committed = new Path(root, cycleId);
    }

    private FileSystem fs() {
        try {
            return committed.getFileSystem(spark.sparkContext().hadoopConfiguration());
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the file system of " + root + ": " + e.getMessage(), e);
        }
    }

    /** The result of the cycle's committed output, if it was committed. */
    Optional<SparkCycleResult> committed() {
        try {
            Path summary = new Path(committed, "summary.json");
            if (!fs().exists(summary)) return Optional.empty();
            try (java.io.InputStream in = fs().open(summary)) {
                return Optional.of(result(Json.mapper().readValue(in, Map.class), false));
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading " + committed + "/summary.json failed: " + e.getMessage(), e);
        }
    }

    private SparkCycleResult result(Map<?, ?> s, boolean isNew) {
        @SuppressWarnings("unchecked")
        Map<String, Object> summary = (Map<String, Object>) s;
        return new SparkCycleResult(cycleId, isNew, committed.toString(), number(s, "recommendations"),
                number(s, "exceptions"), number(s, "queued"), number(s, "fallbacks"), number(s, "quarantined"),
                (String) s.get("merkleRoot"), summary);
    }

    private static long number(Map<?, ?> s, String key) {
        return ((Number) s.get(key)).longValue();
    }

    SparkCycleResult write(Dataset<Row> rows, DecisionType type, SparkCycle cycle, long computeNanos) {
        long t0 = System.nanoTime();
        Path tmp = new Path(new Path(root, "_tmp"), cycleId + "-" + UUID.randomUUID());
        Dataset<Row> recs = rows.where(col("kind").equalTo(OutputRows.RECOMMENDATION));
        recs.select(OutputRows.RECOMMENDATION_COLUMNS.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
                .write().parquet(new Path(tmp, "recommendations").toString());
        recs.select(OutputRows.FORECAST_COLUMNS.stream().map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
                .write().parquet(new Path(tmp, "forecasts").toString());
        rows.where(col("kind").equalTo(OutputRows.QUARANTINED)).select("item", "reason").coalesce(1)
                .write().parquet(new Path(tmp, "quarantined").toString());
        long queued = writeExceptions(recs, type, new Path(tmp, "exceptions"));
        MerkleFile merkle = merkle(spark, new Path(tmp, "recommendations").toString());

        Map<String, Object> summary = summary(rows, type, cycle, queued, merkle);
        summary.put("computeSeconds", (System.nanoTime() - t0 + computeNanos) / 1e9);
        writeText(new Path(tmp, "summary.json"), Json.write(summary));
        if (!commit(tmp)) return committed().orElseThrow();
        return result(Json.read(Json.write(summary), Map.class), true);
    }

    /**
     * The exceptions and whether each goes to the owner's queue: most value at stake first, up to
     * the decision type's capacity per cycle; fallbacks always go (as in the single-machine cycle).
     */
    private long writeExceptions(Dataset<Row> recs, DecisionType type, Path to) {
        List<Row> exceptions = new ArrayList<>(recs.where(col("needs_review"))
                .select("id", "item", "quantity", "value_at_stake", "review_reasons", "fallback_reason").collectAsList());
        exceptions.sort(Comparator.comparingDouble((Row r) -> -r.getDouble(3)).thenComparing(r -> r.getString(0)));
        List<Row> out = new ArrayList<>();
        long queued = 0;
        for (Row r : exceptions) {
            boolean queue = queued < type.review().capacityPerCycle() || !r.isNullAt(5);
            if (queue) queued++;
            out.add(RowFactory.create(r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5), queue, out.size() + 1));
        }
        spark.createDataFrame(out, EXCEPTIONS).coalesce(1).write().parquet(to.toString());
        return queued;
    }

    /** Leaves and root of a recommendations file. */
    record MerkleFile(long leaves, String root) {
    }

    /**
     * The Merkle root of a recommendations file as written: each row's canonical bytes (columns in
     * schema order) hashed in the executors, the leaves sorted by recommendation id on the driver.
     *
     * @throws IllegalStateException when two rows carry the same id: a duplicated output
     */
    static MerkleFile merkle(SparkSession spark, String recommendations) {
        List<Tuple2<String, byte[]>> leaves = new ArrayList<>(spark.read().parquet(recommendations).javaRDD()
                .map(r -> new Tuple2<>(r.getString(0), leaf(r))).collect());
        leaves.sort(Comparator.comparing(Tuple2::_1));
        for (int i = 1; i < leaves.size(); i++) {
            if (leaves.get(i)._1().equals(leaves.get(i - 1)._1())) {
                throw new IllegalStateException(recommendations + ": recommendation " + leaves.get(i)._1()
                        + " appears more than once; expected one row per item");
            }
        }
        return new MerkleFile(leaves.size(), MerkleTree.of(leaves.stream().map(Tuple2::_2).toList()).root());
    }

    private static byte[] leaf(Row r) {
        List<Object> values = new ArrayList<>(r.size());
        for (int i = 0; i < r.size(); i++) values.add(r.get(i));
        return CanonicalRow.leafHash(values);
    }

    private Map<String, Object> summary(Dataset<Row> rows, DecisionType type, SparkCycle cycle, long queued,
            MerkleFile merkle) {
        Row f = rows.agg(
                sum(when(col("kind").equalTo(OutputRows.RECOMMENDATION), 1).otherwise(0)).as("recommendations"),
                sum(when(col("kind").equalTo(OutputRows.QUARANTINED), 1).otherwise(0)).as("quarantined"),
                sum(when(col("needs_review"), 1).otherwise(0)).as("exceptions"),
                count(col("fallback_reason")).as("fallbacks"),
                avg(when(not(isnan(col("backtest_scaled_error"))), col("backtest_scaled_error"))).as("scaled_error"),
                avg(when(not(isnan(col("stockout_probability"))), col("stockout_probability"))).as("stockout"),
                sum(when(not(isnan(col("expected_cost"))), col("expected_cost"))).as("cost"),
                sum(col("value_at_stake")).as("value_at_stake")).first();
        long recommendations = f.getLong(0);
        if (recommendations != merkle.leaves()) {
            throw new IllegalStateException("cycle " + cycleId + ": " + recommendations + " recommendations computed but "
                    + merkle.leaves() + " written");
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("cycleId", cycleId);
        s.put("engine", "spark");
        s.put("sparkVersion", spark.version());
        s.put("decisionType", type.name());
        s.put("decisionTypeVersion", type.version());
        s.put("asOf", cycle.asOf().toString());
        s.put("batches", cycle.sources().batches());
        s.put("blockedInputs", cycle.sources().blocked());
        s.put("partitions", cycle.partitions());
        s.put("recommendations", recommendations);
        s.put("exceptions", f.getLong(2));
        s.put("queued", queued);
        s.put("fallbacks", f.getLong(3));
        s.put("quarantined", f.getLong(1));
        s.put("merkleRoot", merkle.root());
        s.put("merkleLeaves", "SHA-256(0x00 || canonical row), rows of recommendations/ sorted by id, RFC 6962 tree");
        Map<String, Object> health = new LinkedHashMap<>();
        double n = Math.max(1, recommendations);
        health.put("touchlessRate", (recommendations - f.getLong(2)) / n);
        health.put("fallbackRate", f.getLong(3) / n);
        health.put("quarantineRate", f.getLong(1) / Math.max(1.0, recommendations + f.getLong(1)));
        health.put("meanBacktestScaledError", f.isNullAt(4) ? null : f.getDouble(4));
        health.put("meanStockoutProbability", f.isNullAt(5) ? null : f.getDouble(5));
        health.put("expectedCost", f.isNullAt(6) ? null : f.getDouble(6));
        health.put("valueAtStake", f.isNullAt(7) ? null : f.getDouble(7));
        Map<String, Long> models = new TreeMap<>();
        for (Row m : rows.where(col("kind").equalTo(OutputRows.RECOMMENDATION)).groupBy("model").count().collectAsList()) {
            models.put(m.getString(0), m.getLong(1));
        }
        health.put("models", models);
        s.put("health", health);
        return s;
    }

    private void writeText(Path file, String text) {
        try (OutputStream out = fs().create(file, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("writing " + file + " failed: " + e.getMessage(), e);
        }
    }

    /** Renames {@code tmp} to the cycle's folder; false (and {@code tmp} deleted) when another run committed first. */
    private boolean commit(Path tmp) {
        try {
            FileSystem fs = fs();
            if ("file".equals(fs.getScheme())) {
                java.nio.file.Path from = Paths.get(fs.makeQualified(tmp).toUri());
                java.nio.file.Path to = Paths.get(fs.makeQualified(committed).toUri());
                try {
                    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                    return true;
                } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
                    fs.delete(tmp, true);
                    return false;
                }
            }
            if (fs.exists(committed) || !fs.rename(tmp, committed)) {
                fs.delete(tmp, true);
                return false;
            }
            return true;
        } catch (IOException e) {
            throw new IllegalStateException("committing cycle " + cycleId + " to " + committed + " failed: "
                    + e.getMessage(), e);
        }
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
