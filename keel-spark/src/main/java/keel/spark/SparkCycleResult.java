package keel.spark;

import java.util.Map;

/**
 * What a Spark cycle wrote, read back from its committed {@code summary.json}.
 *
 * @param isNew false when the cycle's output was already committed and nothing was written
 * @param directory the committed cycle folder: recommendations/, forecasts/, exceptions/,
 *     quarantined/ (Parquet) and summary.json
 * @param merkleRoot the Merkle root over the recommendations, sorted by id (see {@code MerkleTree})
 * @param summary the cycle summary and health figures, as written to summary.json
 */
public record SparkCycleResult(String cycleId, boolean isNew, String directory, long recommendations, long exceptions,
        long queued, long fallbacks, long quarantined, String merkleRoot, Map<String, Object> summary) {
}
