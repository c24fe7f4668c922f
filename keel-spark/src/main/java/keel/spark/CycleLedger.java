package keel.spark;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keel.core.cycle.Recommendation;
import keel.core.decision.DecisionType;
import keel.core.review.Status;
import keel.store.jdbc.CycleRecord;
import keel.store.jdbc.Json;
import keel.store.jdbc.KeelStore;
import keel.store.jdbc.KeelStore.FileRecommendation;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Hands a committed Spark cycle to the control plane, in one store transaction: the cycle's figures
 * into the cycles table, its queued exceptions into the review queue (one batch insert), and one
 * ledger entry carrying the Merkle root of its recommendations, instead of one entry per
 * recommendation. Recording the same cycle twice writes nothing.
 *
 * <p>What stays in Parquet: the recommendations approved without a person (touchless, and the
 * exceptions beyond the review capacity), with every forecast. The store keeps the cycle's counts
 * and health figures, so the health report counts them; outcomes can be recorded only for the
 * stored ones.
 *
 * <p>No ledger entry per queued exception: each stored row's JSON is, byte for byte, the
 * {@code detail} column of its row in the recommendations file, whose leaves make the Merkle root
 * in the cycle's entry. {@code keel verify} checks both, so a stored exception is a provable member
 * of the recorded cycle; the entry also carries how many rows the store holds. Reviews of them
 * append their REVIEW entries as for any recommendation.
 */
final class CycleLedger {
    private CycleLedger() {
    }

    /** Stores the cycle, its queued exceptions and its ledger entry unless the store holds it; true when stored now. */
    static boolean record(SparkSession spark, KeelStore store, DecisionType type, SparkCycleResult r, Instant at) {
        if (store.cycle(r.cycleId()).isPresent()) return false;
        List<FileRecommendation> queued = queued(spark, r);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("engine", "spark");
        payload.put("directory", r.directory());
        payload.put("merkleRoot", r.merkleRoot());
        payload.put("recommendations", r.recommendations());
        payload.put("exceptions", r.exceptions());
        payload.put("queued", r.queued());
        payload.put("stored", queued.size());
        payload.put("fallbacks", r.fallbacks());
        payload.put("quarantined", r.quarantined());
        payload.put("decisionType", r.summary().get("decisionType"));
        payload.put("decisionTypeVersion", r.summary().get("decisionTypeVersion"));
        payload.put("asOf", r.summary().get("asOf"));
        payload.put("batches", r.summary().get("batches"));
        payload.put("blockedInputs", r.summary().get("blockedInputs"));
        payload.put("health", r.summary().get("health"));
        LocalDate asOf = LocalDate.parse((String) r.summary().get("asOf"));
        @SuppressWarnings("unchecked")
        List<String> batches = (List<String>) r.summary().get("batches");
        CycleRecord cycle = new CycleRecord(r.cycleId(), type.name(), asOf, batches, Math.toIntExact(r.recommendations()),
                Math.toIntExact(r.exceptions()), Json.write(payload), at);
        Instant deadline = asOf.atStartOfDay().toInstant(ZoneOffset.UTC).plus(type.review().deadline());
        return store.loadCycle(cycle, queued, deadline);
    }

    /** The exceptions the cycle queued for review, with their JSON as the recommendations file holds it. */
    static List<FileRecommendation> queued(SparkSession spark, SparkCycleResult r) {
        Dataset<Row> ids = spark.read().parquet(r.directory() + "/exceptions").where(col("queued")).select("id");
        Dataset<Row> recs = spark.read().parquet(r.directory() + "/recommendations");
        List<FileRecommendation> out = new ArrayList<>();
        for (Row row : recs.join(ids, "id").select("id", "detail", "value_at_stake").collectAsList()) {
            String detail = row.getString(1);
            Recommendation rec = Json.read(detail, Recommendation.class);
            if (!rec.id().equals(row.getString(0))) {
                throw new IllegalStateException(r.directory() + "/recommendations: row " + row.getString(0)
                        + " holds the detail of " + rec.id() + "; expected its own");
            }
            out.add(new FileRecommendation(rec, detail, Status.AWAITING_REVIEW, row.getDouble(2)));
        }
        if (out.size() != r.queued()) {
            throw new IllegalStateException(r.directory() + ": " + r.queued() + " exceptions queued but " + out.size()
                    + " found in exceptions/ and recommendations/; expected each queued exception's recommendation row");
        }
        return out;
    }
}
