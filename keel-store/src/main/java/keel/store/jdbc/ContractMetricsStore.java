package keel.store.jdbc;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import keel.core.contract.BatchMetrics;
import keel.core.contract.CheckOutcome;
import keel.core.contract.Metric;
import keel.core.contract.Severity;
import keel.core.ledger.EventType;
import keel.core.ledger.NewEntry;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The figures each contract check computed per batch and the checks' results, so volume and drift checks
 * compare a new batch with history and a report shows the trend; and the links from a resubmission of
 * corrected quarantined rows to its original batch.
 */
public final class ContractMetricsStore {
    private final Jdbi jdbi;

    /** The contract figures kept in {@code store}'s database. */
    public ContractMetricsStore(KeelStore store) {
        this.jdbi = store.jdbi();
    }

    /** One batch's figure over time, for reports. */
    public record Point(String batchHash, String sourceFile, Instant ingestedAt, String column, String metric,
            double value) {
    }

    /** A stored check result. */
    public record StoredOutcome(String batchHash, String check, Severity severity, boolean passed, String message) {
    }

    /**
     * Records the figures and check results of a batch, with a ledger entry; a batch already recorded writes
     * nothing.
     *
     * @return true when the batch's figures were new
     */
    public boolean record(String batchHash, String input, BatchMetrics metrics, List<CheckOutcome> outcomes,
            Instant at) {
        return jdbi.inTransaction(h -> {
            KeelStore.lockLedger(h);
            boolean known = h.createQuery("select count(*) from contract_check where batch_hash = :b")
                    .bind("b", batchHash).mapTo(Integer.class).one() > 0
                    || h.createQuery("select count(*) from contract_metric where batch_hash = :b")
                    .bind("b", batchHash).mapTo(Integer.class).one() > 0;
            if (known) return false;
            List<Metric> all = new ArrayList<>(metrics.metrics());
            outcomes.forEach(o -> all.addAll(o.figures()));
            insertMetrics(h, batchHash, input, all, at);
            insertOutcomes(h, batchHash, input, outcomes, at);
            if (!outcomes.isEmpty()) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("input", input);
                payload.put("failed", outcomes.stream().filter(o -> !o.passed()).map(CheckOutcome::line).toList());
                payload.put("passed", outcomes.stream().filter(CheckOutcome::passed).map(CheckOutcome::check).toList());
                JdbcLedgerStore.append(h, List.of(new NewEntry(at, EventType.CONTRACT_CHECKED, batchHash,
                        Json.write(payload))));
            }
            return true;
        });
    }

    /** The figures of the last {@code limit} usable (not blocked) batches of {@code input} before {@code batchHash}. */
    public List<BatchMetrics> history(String input, String batchHash, int limit) {
        return jdbi.withHandle(h -> {
            List<String> hashes = h.createQuery("select b.hash from batch b where b.input = :i and b.status <> 'BLOCKED'"
                    + " and b.hash <> :h and b.hash not in (select batch_hash from batch_resubmission)"
                    + " and exists (select 1 from contract_metric m where m.batch_hash = b.hash)"
                    + " order by b.ingested_at desc, b.hash desc")
                    .bind("i", input).bind("h", batchHash).mapTo(String.class).list();
            List<BatchMetrics> out = new ArrayList<>();
            for (String hash : hashes.subList(0, Math.min(limit, hashes.size()))) {
                out.add(0, metrics(h, hash));
            }
            return out;
        });
    }

    /** The figures stored for one batch. */
    public BatchMetrics metrics(String batchHash) {
        return jdbi.withHandle(h -> metrics(h, batchHash));
    }

    /** The check results of one batch, by check name. */
    public List<StoredOutcome> outcomes(String batchHash) {
        return jdbi.withHandle(h -> h.createQuery("select * from contract_check where batch_hash = :b order by check_name")
                .bind("b", batchHash).map((rs, ctx) -> new StoredOutcome(rs.getString("batch_hash"),
                        rs.getString("check_name"), Severity.valueOf(rs.getString("severity")), rs.getBoolean("passed"),
                        rs.getString("message"))).list());
    }

    /** The failed warn-level checks of a batch, one line each, e.g. {@code drift(units) (warn): psi ...}. */
    public List<String> warnings(String batchHash) {
        return outcomes(batchHash).stream().filter(o -> !o.passed() && o.severity() == Severity.WARN)
                .map(o -> o.check() + " (warn): " + o.message()).toList();
    }

    /** The batch-level and per-column scalar figures of every batch of {@code input}, oldest batch first. */
    public List<Point> trend(String input) {
        return jdbi.withHandle(h -> h.createQuery("select m.batch_hash, b.source_file, b.ingested_at, m.column_name,"
                + " m.metric, m.metric_value from contract_metric m join batch b on b.hash = m.batch_hash"
                + " where m.input = :i and m.label = '' order by b.ingested_at, m.batch_hash, m.column_name, m.metric")
                .bind("i", input).map((rs, ctx) -> new Point(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5),
                        rs.getDouble(6))).list());
    }

    /** Links a batch of resubmitted rows to the batch they were quarantined from, with a ledger entry. */
    public void linkResubmission(String batchHash, String originalHash, long rows, Instant at) {
        jdbi.useTransaction(h -> {
            KeelStore.lockLedger(h);
            boolean known = h.createQuery("select count(*) from batch_resubmission where batch_hash = :b")
                    .bind("b", batchHash).mapTo(Integer.class).one() > 0;
            if (known) return;
            h.createUpdate("insert into batch_resubmission (batch_hash, original_hash, recorded_at) values (:b, :o, :at)")
                    .bind("b", batchHash).bind("o", originalHash).bind("at", KeelStore.utc(at)).execute();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("original", originalHash);
            payload.put("rowsAccepted", rows);
            JdbcLedgerStore.append(h, List.of(new NewEntry(at, EventType.ROWS_RESUBMITTED, batchHash,
                    Json.write(payload))));
        });
    }

    /** The batches of resubmitted rows of {@code originalHash}, oldest first. */
    public List<String> resubmissionsOf(String originalHash) {
        return jdbi.withHandle(h -> h.createQuery("select batch_hash from batch_resubmission where original_hash = :o"
                + " order by recorded_at, batch_hash").bind("o", originalHash).mapTo(String.class).list());
    }

    /** The original batch whose quarantined rows {@code batchHash} resubmitted, if it is a resubmission. */
    public Optional<String> originalOf(String batchHash) {
        return jdbi.withHandle(h -> h.createQuery("select original_hash from batch_resubmission where batch_hash = :b")
                .bind("b", batchHash).mapTo(String.class).findOne());
    }

    private static BatchMetrics metrics(Handle h, String hash) {
        return new BatchMetrics(h.createQuery("select column_name, metric, label, metric_value from contract_metric"
                + " where batch_hash = :b order by column_name, metric, label").bind("b", hash)
                .map((rs, ctx) -> new Metric(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4))).list());
    }

    private static void insertMetrics(Handle h, String hash, String input, List<Metric> metrics, Instant at) {
        if (metrics.isEmpty()) return;
        PreparedBatch batch = h.prepareBatch("insert into contract_metric (batch_hash, input, column_name, metric, label,"
                + " metric_value, recorded_at) values (:b, :i, :c, :m, :l, :v, :at)");
        int added = 0;
        for (Metric m : metrics) {
            if (!Double.isFinite(m.value())) continue;
            batch.bind("b", hash).bind("i", input).bind("c", m.column()).bind("m", m.name()).bind("l", m.label())
                    .bind("v", m.value()).bind("at", KeelStore.utc(at)).add();
            added++;
        }
        if (added > 0) batch.execute();
    }

    private static void insertOutcomes(Handle h, String hash, String input, List<CheckOutcome> outcomes, Instant at) {
        if (outcomes.isEmpty()) return;
        PreparedBatch batch = h.prepareBatch("insert into contract_check (batch_hash, input, check_name, severity, passed,"
                + " message, recorded_at) values (:b, :i, :c, :s, :p, :m, :at)");
        for (CheckOutcome o : outcomes) {
            String message = o.message().length() > 4000 ? o.message().substring(0, 4000) : o.message();
            batch.bind("b", hash).bind("i", input).bind("c", o.check()).bind("s", o.severity().name())
                    .bind("p", o.passed()).bind("m", message).bind("at", KeelStore.utc(at)).add();
        }
        batch.execute();
    }
}
