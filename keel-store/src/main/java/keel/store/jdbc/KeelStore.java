package keel.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.file.Path;
import javax.sql.DataSource;
import keel.core.contract.Batch;
import keel.core.contract.BatchStatus;
import keel.core.contract.QuarantinedRow;
import keel.core.contract.Rejection;
import keel.core.cycle.Recommendation;
import keel.core.decision.DecisionType;
import keel.core.ledger.EventType;
import keel.core.ledger.HashChain;
import keel.core.ledger.NewEntry;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.core.review.Status;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Keel's control plane in a relational database: decision types, batches, cycles,
 * recommendations, reviews, outcomes and the ledger. Every write that changes state appends its
 * ledger entries in the same transaction.
 */
public final class KeelStore implements AutoCloseable {
    private final Jdbi jdbi;
    private final JdbcLedgerStore ledger;
    private final StoreConfig config;
    /** The embedded store's connections, kept open between uses; none for PostgreSQL (see {@link ReusedConnections}). */
    private final Optional<ReusedConnections> connections;
    private static final int PARSED_LIMIT = 50_000;
    private final Map<String, ParsedPayload> parsed = new java.util.concurrent.ConcurrentHashMap<>();

    private KeelStore(StoreConfig config, DataSource dataSource) {
        this.config = config;
        this.connections = config.isPostgres() ? Optional.empty() : Optional.of(new ReusedConnections(dataSource, 16));
        this.jdbi = connections.map(Jdbi::create).orElseGet(() -> Jdbi.create(dataSource));
        this.ledger = new JdbcLedgerStore(jdbi);
    }

    /** Opens the store and brings its schema up to date. */
    public static KeelStore open(StoreConfig config) {
        DataSource ds = dataSource(config);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").loggers("slf4j").load().migrate();
        return new KeelStore(config, ds);
    }

    /** Opens a store whose schema is known to be up to date, without asking Flyway (for short-lived test processes). */
    static KeelStore openMigrated(StoreConfig config) {
        return new KeelStore(config, dataSource(config));
    }

    private static DataSource dataSource(StoreConfig config) {
        if (config.isPostgres()) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(config.jdbcUrl());
            // Unset here, the URL's own user and password parameters (if any) apply.
            if (!config.user().isEmpty()) pg.setUser(config.user());
            if (!config.password().isEmpty()) pg.setPassword(config.password());
            return pg;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(config.jdbcUrl());
        h2.setUser(config.user());
        h2.setPassword(config.password());
        return h2;
    }

    public StoreConfig config() {
        return config;
    }

    public JdbcLedgerStore ledger() {
        return ledger;
    }

    /**
     * The store's version: the ledger head's sequence number. Every write that changes state appends
     * to the ledger in its transaction, so the version moves with each committed write, by this
     * process or another; what was read at one version still holds while the version stays.
     */
    public long version() {
        return ledger.size();
    }

    /**
     * What was written after store version {@code since}: the version now, and the ids of the
     * recommendations reviewed or expired meanwhile; empty ids when anything else was written (a
     * cycle, a batch, ...) or more than {@code limit} entries, so that the caller reads afresh.
     */
    public record Changes(long version, Optional<java.util.Set<String>> reviewed) {
    }

    /** The changes after {@code since}, from the ledger entries after it (see {@link Changes}). */
    public Changes changesSince(long since, int limit) {
        record Written(long seq, String type, String subject) {
            boolean isReview() {
                return type.equals(EventType.REVIEW.name()) || type.equals(EventType.DEADLINE_PASSED.name());
            }
        }
        List<Written> written = jdbi.withHandle(h -> h.createQuery("select seq, type, subject from ledger where seq > :v "
                + "order by seq limit :n").bind("v", since).bind("n", limit + 1)
                .map((rs, ctx) -> new Written(rs.getLong("seq"), rs.getString("type"), rs.getString("subject"))).list());
        if (written.isEmpty()) return new Changes(since, Optional.of(java.util.Set.of()));
        long version = written.get(written.size() - 1).seq();
        if (written.size() > limit || !written.stream().allMatch(Written::isReview)) return new Changes(version, Optional.empty());
        return new Changes(version, Optional.of(java.util.Set.copyOf(written.stream().map(Written::subject).toList())));
    }

    Jdbi jdbi() {
        return jdbi;
    }

    // ---- decision types -------------------------------------------------------------------

    /**
     * Records a decision type version; a version seen before writes nothing.
     *
     * @return true when this version was new
     */
    public boolean recordDecisionType(DecisionType type, String sourceFile, String content, Instant at) {
        return jdbi.inTransaction(h -> {
            lockLedger(h);
            boolean known = h.createQuery("select count(*) from decision_type where name = :n and version = :v")
                    .bind("n", type.name()).bind("v", type.version()).mapTo(Integer.class).one() > 0;
            if (known) return false;
            h.createUpdate("insert into decision_type (name, version, source_file, content, loaded_at) "
                    + "values (:n, :v, :f, :c, :at)")
                    .bind("n", type.name()).bind("v", type.version()).bind("f", sourceFile).bind("c", content)
                    .bind("at", utc(at)).execute();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("name", type.name());
            payload.put("version", type.version());
            payload.put("stage", type.stage().name());
            payload.put("owner", type.owner().map(p -> p.id()).orElse(""));
            payload.put("accountable", type.accountable().map(p -> p.id()).orElse(""));
            payload.put("file", sourceFile);
            JdbcLedgerStore.append(h, List.of(new NewEntry(at, EventType.DECISION_TYPE_CHANGED, type.name(),
                    Json.write(payload))));
            return true;
        });
    }

    // ---- batches -----------------------------------------------------------------------------

    /**
     * Records a batch and its quarantined rows (up to the sample the batch carries; all of them are
     * in its quarantine file), with their ledger entries. A batch seen before writes nothing.
     *
     * @return true when the batch was new
     */
    public boolean recordBatch(Batch batch, Optional<LocalDate> firstDate, Optional<LocalDate> lastDate, Instant at) {
        return jdbi.inTransaction(h -> {
            lockLedger(h);
            boolean known = h.createQuery("select count(*) from batch where hash = :h")
                    .bind("h", batch.contentHash()).mapTo(Integer.class).one() > 0;
            if (known) return false;
            h.createUpdate("insert into batch (hash, input, source_file, status, reason, rows_read, rows_accepted, "
                    + "rows_quarantined, data_path, quarantine_path, first_date, last_date, ingested_at) values "
                    + "(:h, :i, :f, :s, :r, :read, :acc, :q, :dp, :qp, :fd, :ld, :at)")
                    .bind("h", batch.contentHash()).bind("i", batch.input()).bind("f", batch.sourceFile())
                    .bind("s", batch.status().name()).bind("r", batch.blockedReason().orElse(null))
                    .bind("read", batch.rows().read()).bind("acc", batch.rows().accepted())
                    .bind("q", batch.rows().quarantined())
                    .bind("dp", batch.acceptedRows().map(Path::toString).orElse(null))
                    .bind("qp", batch.quarantinedRows().map(Path::toString).orElse(null))
                    .bind("fd", firstDate.orElse(null)).bind("ld", lastDate.orElse(null)).bind("at", utc(at)).execute();
            PreparedBatch rows = h.prepareBatch("insert into quarantined_row (batch_hash, row_number, column_name, "
                    + "check_name, found_value, expectation) values (:b, :n, :c, :k, :v, :e)");
            int added = 0;
            for (QuarantinedRow row : batch.quarantineSample()) {
                for (Rejection r : row.reasons()) {
                    rows.bind("b", batch.contentHash()).bind("n", r.row()).bind("c", r.column())
                            .bind("k", r.check().name()).bind("v", r.value().orElse(null)).bind("e", r.expected()).add();
                    added++;
                }
            }
            if (added > 0) rows.execute();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("input", batch.input());
            payload.put("file", batch.sourceFile());
            payload.put("status", batch.status().name());
            payload.put("rowsRead", batch.rows().read());
            payload.put("rowsAccepted", batch.rows().accepted());
            payload.put("rowsQuarantined", batch.rows().quarantined());
            batch.blockedReason().ifPresent(r -> payload.put("reason", r));
            List<NewEntry> entries = new ArrayList<>();
            entries.add(new NewEntry(at, batch.isBlocked() ? EventType.BATCH_BLOCKED : EventType.BATCH_ACCEPTED,
                    batch.contentHash(), Json.write(payload)));
            if (batch.rows().quarantined() > 0) {
                Map<String, Object> q = new LinkedHashMap<>();
                q.put("rows", batch.rows().quarantined());
                q.put("file", batch.quarantinedRows().map(Path::toString).orElse(""));
                q.put("first", batch.quarantineSample().stream().limit(20).map(QuarantinedRow::message).toList());
                entries.add(new NewEntry(at, EventType.ROWS_QUARANTINED, batch.contentHash(), Json.write(q)));
            }
            JdbcLedgerStore.append(h, entries);
            return true;
        });
    }

    public Optional<BatchRecord> batch(String hash) {
        return jdbi.withHandle(h -> h.createQuery("select * from batch where hash = :h").bind("h", hash)
                .map((rs, ctx) -> batch(rs)).findOne());
    }

    /** Batches of one input, oldest first. */
    public List<BatchRecord> batches(String input) {
        return jdbi.withHandle(h -> h.createQuery("select * from batch where input = :i order by ingested_at, hash")
                .bind("i", input).map((rs, ctx) -> batch(rs)).list());
    }

    /** Every batch, oldest first. */
    public List<BatchRecord> batches() {
        return jdbi.withHandle(h -> h.createQuery("select * from batch order by ingested_at, hash")
                .map((rs, ctx) -> batch(rs)).list());
    }

    /** The stored quarantined rows' reasons of a batch (file, row, column, value, check, expectation). */
    public List<String> quarantineReasons(String batchHash, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select q.*, b.source_file from quarantined_row q join batch b "
                + "on b.hash = q.batch_hash where q.batch_hash = :b order by q.row_number, q.column_name limit :n")
                .bind("b", batchHash).bind("n", limit)
                .map((rs, ctx) -> String.format(java.util.Locale.ROOT, "%s row %d: %s was %s; expected %s (%s)",
                        rs.getString("source_file"), rs.getLong("row_number"), rs.getString("column_name"),
                        rs.getString("found_value") == null ? "empty" : "\"" + rs.getString("found_value") + "\"",
                        rs.getString("expectation"), rs.getString("check_name"))).list());
    }

    // ---- cycles and recommendations ---------------------------------------------------------

    public Optional<CycleRecord> cycle(String id) {
        return jdbi.withHandle(h -> h.createQuery("select * from cycle where id = :id").bind("id", id)
                .map((rs, ctx) -> cycle(rs)).findOne());
    }

    public List<CycleRecord> cycles(String decisionType) {
        return jdbi.withHandle(h -> h.createQuery("select * from cycle where decision_type = :t order by as_of")
                .bind("t", decisionType).map((rs, ctx) -> cycle(rs)).list());
    }

    /** A recommendation ready to store, with the review status it starts in. */
    public record NewRecommendation(Recommendation recommendation, Status status, double valueAtStake) {
    }

    /**
     * Stores a cycle with its recommendations and their ledger entries in one transaction. A cycle
     * already stored writes nothing (idempotent) and returns false.
     */
    public boolean saveCycle(CycleRecord cycle, List<NewRecommendation> recommendations, Instant deadline) {
        return jdbi.inTransaction(h -> {
            lockLedger(h);
            if (!insertCycle(h, cycle)) return false;
            List<NewEntry> entries = new ArrayList<>(recommendations.size() + 1);
            entries.add(new NewEntry(cycle.ranAt(), EventType.CYCLE_RUN, cycle.id(), cycle.summary()));
            PreparedBatch batch = h.prepareBatch(INSERT_RECOMMENDATION);
            for (NewRecommendation n : recommendations) {
                Recommendation r = n.recommendation();
                String payload = Json.write(r);
                addRecommendation(batch, cycle.id(), r, n.status(), n.valueAtStake(), deadline, payload);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("quantity", r.quantity());
                entry.put("status", n.status().name());
                entry.put("reviewReasons", r.reviewReasons());
                entry.put("digest", HashChain.sha256Hex(payload));
                entries.add(new NewEntry(cycle.ranAt(), EventType.RECOMMENDATION, r.id(), Json.write(entry)));
            }
            if (!recommendations.isEmpty()) batch.execute();
            JdbcLedgerStore.append(h, entries);
            return true;
        });
    }

    private static final String INSERT_RECOMMENDATION = "insert into recommendation (id, cycle_id, decision_type, "
            + "item, location, as_of, quantity, value_at_stake, needs_review, status, final_quantity, deadline, version, "
            + "payload) values (:id, :c, :t, :item, :loc, :asOf, :q, :v, :nr, :st, :q, :dl, 0, :p)";

    /** Inserts the cycle's row; false, writing nothing, when the cycle is stored already. */
    private static boolean insertCycle(Handle h, CycleRecord cycle) {
        boolean known = h.createQuery("select count(*) from cycle where id = :id")
                .bind("id", cycle.id()).mapTo(Integer.class).one() > 0;
        if (known) return false;
        h.createUpdate("insert into cycle (id, decision_type, as_of, batches, recommendations, exceptions, summary, ran_at) "
                + "values (:id, :t, :asOf, :b, :n, :e, :s, :at)")
                .bind("id", cycle.id()).bind("t", cycle.decisionType()).bind("asOf", cycle.asOf())
                .bind("b", String.join(",", cycle.batches())).bind("n", cycle.recommendations())
                .bind("e", cycle.exceptions()).bind("s", cycle.summary()).bind("at", utc(cycle.ranAt())).execute();
        return true;
    }

    /** Adds one recommendation row (version 0, final quantity = recommended) to a batch of {@link #INSERT_RECOMMENDATION}. */
    private static void addRecommendation(PreparedBatch batch, String cycleId, Recommendation r, Status status,
            double valueAtStake, Instant deadline, String payload) {
        batch.bind("id", r.id()).bind("c", cycleId).bind("t", r.decisionType()).bind("item", r.item())
                .bind("loc", r.location()).bind("asOf", r.asOf()).bind("q", r.quantity())
                .bind("v", valueAtStake).bind("nr", r.needsReview()).bind("st", status.name())
                .bind("dl", utc(deadline)).bind("p", payload).add();
    }

    /**
     * A recommendation of a cycle whose rows live in files (a cycle run on Spark), with the JSON the
     * file holds for it, stored verbatim so that the stored row can be compared with the file's.
     */
    public record FileRecommendation(Recommendation recommendation, String payload, Status status, double valueAtStake) {
    }

    /**
     * Stores a cycle whose recommendations stay in files: the cycle's figures, only the given
     * recommendations (those a person must see), and one ledger entry for the whole cycle carrying
     * {@code ledgerPayload} (e.g. the Merkle root of the files), all in one transaction and with one
     * batch insert. A cycle already stored writes nothing and returns false; a cycle the ledger records
     * already (an earlier run that stopped before this load) gets no second entry.
     */
    public boolean loadCycle(CycleRecord cycle, List<FileRecommendation> recommendations, Instant deadline) {
        return jdbi.inTransaction(h -> {
            lockLedger(h);
            if (!insertCycle(h, cycle)) return false;
            PreparedBatch batch = h.prepareBatch(INSERT_RECOMMENDATION);
            for (FileRecommendation n : recommendations) {
                Recommendation r = n.recommendation();
                if (!r.cycleId().equals(cycle.id())) {
                    throw new IllegalArgumentException("recommendation " + r.id() + " belongs to cycle " + r.cycleId()
                            + "; expected cycle " + cycle.id());
                }
                addRecommendation(batch, cycle.id(), r, n.status(), n.valueAtStake(), deadline, n.payload());
            }
            if (!recommendations.isEmpty()) batch.execute();
            boolean recorded = h.createQuery("select count(*) from ledger where type = :t and subject = :s")
                    .bind("t", EventType.CYCLE_RUN.name()).bind("s", cycle.id()).mapTo(Integer.class).one() > 0;
            if (!recorded) {
                JdbcLedgerStore.append(h, List.of(new NewEntry(cycle.ranAt(), EventType.CYCLE_RUN, cycle.id(),
                        cycle.summary())));
            }
            return true;
        });
    }

    /** The stored JSON of each recommendation of a cycle, by id, as written (not parsed and written again). */
    public Map<String, String> payloads(String cycleId) {
        Map<String, String> out = new java.util.TreeMap<>();
        jdbi.useHandle(h -> h.createQuery("select id, payload from recommendation where cycle_id = :c").bind("c", cycleId)
                .map((rs, ctx) -> out.put(rs.getString(1), rs.getString(2))).list());
        return out;
    }

    /** The quantity that stands now of each stored recommendation of a cycle, by item. */
    public Map<String, Double> finalQuantities(String cycleId) {
        Map<String, Double> out = new java.util.HashMap<>();
        jdbi.useHandle(h -> h.createQuery("select item, final_quantity from recommendation where cycle_id = :c")
                .bind("c", cycleId).map((rs, ctx) -> out.put(rs.getString(1), rs.getDouble(2))).list());
        return out;
    }

    public List<StoredRecommendation> recommendations(String cycleId) {
        return jdbi.withHandle(h -> h.createQuery("select * from recommendation where cycle_id = :c order by item")
                .bind("c", cycleId).map((rs, ctx) -> stored(rs)).list());
    }

    public Optional<StoredRecommendation> recommendation(String id) {
        return jdbi.withHandle(h -> h.createQuery("select * from recommendation where id = :id").bind("id", id)
                .map((rs, ctx) -> stored(rs)).findOne());
    }

    /** The recommendations of these ids that exist, in no particular order. */
    public List<StoredRecommendation> recommendationsById(java.util.Collection<String> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbi.withHandle(h -> h.createQuery("select * from recommendation where id in (<ids>)")
                .bindList("ids", List.copyOf(ids)).map((rs, ctx) -> stored(rs)).list());
    }

    /** Recommendations of a decision type in the given statuses, most value at stake first. */
    public List<StoredRecommendation> queue(String decisionType, List<Status> statuses) {
        return jdbi.withHandle(h -> h.createQuery("select * from recommendation where decision_type = :t "
                + "and status in (<st>) order by value_at_stake desc, id")
                .bind("t", decisionType).bindList("st", statuses.stream().map(Status::name).toList())
                .map((rs, ctx) -> stored(rs)).list());
    }

    // ---- reviews -----------------------------------------------------------------------------

    /**
     * Applies a review if the recommendation is still at {@code expectedVersion}, open, and before
     * its deadline; otherwise throws {@link ReviewConflictException} with the current state.
     */
    public StoredRecommendation review(Review review, int expectedVersion) {
        return review(review.recommendationId(), expectedVersion, current -> review).orElseThrow(() ->
                new IllegalArgumentException("recommendation " + review.recommendationId() + " does not exist"));
    }

    /**
     * Applies the review {@code decide} works out from recommendation {@code id} as it stands, read
     * under the ledger lock (one transaction, no read before it), if it is still at {@code
     * expectedVersion}, open and before its deadline; otherwise throws {@link ReviewConflictException}
     * with the current state. {@code decide} runs first and may refuse by throwing: then nothing is
     * written. Empty when there is no recommendation {@code id}.
     */
    public Optional<StoredRecommendation> review(String id, int expectedVersion,
            java.util.function.Function<StoredRecommendation, Review> decide) {
        return jdbi.inTransaction(h -> {
            // The ledger head first, as every other writer does: one lock order, so no deadlock. Every writer
            // of a recommendation holds it, so the row needs no lock of its own (and the versioned update below
            // still refuses a change that slipped in).
            lockLedger(h);
            Optional<StoredRecommendation> found = h.createQuery("select * from recommendation where id = :id")
                    .bind("id", id).map((rs, ctx) -> stored(rs)).findOne();
            if (found.isEmpty()) return Optional.<StoredRecommendation>empty();
            StoredRecommendation current = found.get();
            Review review = decide.apply(current);
            if (!review.recommendationId().equals(id)) {
                throw new IllegalArgumentException("a review of " + review.recommendationId() + " was given for " + id);
            }
            return Optional.of(apply(h, review, current, expectedVersion));
        });
    }

    private StoredRecommendation apply(Handle h, Review review, StoredRecommendation current, int expectedVersion) {
        if (current.version() != expectedVersion) {
            throw new ReviewConflictException("recommendation " + review.recommendationId() + " changed since version "
                    + expectedVersion + ": it is now " + current.status() + " at version " + current.version(), current);
        }
        boolean expiring = review.action() == ReviewAction.EXPIRE;
        if (!current.status().open()) {
            throw new ReviewConflictException("recommendation " + review.recommendationId() + " is "
                    + current.status() + " and can no longer be reviewed", current);
        }
        if (!expiring && review.at().isAfter(current.deadline())) {
            throw new ReviewConflictException("recommendation " + review.recommendationId() + ": the review deadline "
                    + current.deadline() + " has passed", current);
        }
        int updated = h.createUpdate("update recommendation set status = :st, final_quantity = :q, "
                + "version = version + 1 where id = :id and version = :v")
                .bind("st", review.resultingStatus().name()).bind("q", review.finalQuantity())
                .bind("id", review.recommendationId()).bind("v", expectedVersion).execute();
        if (updated != 1) {
            throw new ReviewConflictException("recommendation " + review.recommendationId() + " changed meanwhile", current);
        }
        h.createUpdate("insert into review (recommendation_id, action, actor, final_quantity, reason_code, "
                + "review_comment, simulated, at) values (:r, :a, :actor, :q, :code, :c, :sim, :at)")
                .bind("r", review.recommendationId()).bind("a", review.action().name()).bind("actor", review.actor())
                .bind("q", review.finalQuantity()).bind("code", review.reasonCode().orElse(null))
                .bind("c", review.comment()).bind("sim", review.simulated()).bind("at", utc(review.at())).execute();
        JdbcLedgerStore.append(h, List.of(new NewEntry(review.at(),
                expiring ? EventType.DEADLINE_PASSED : EventType.REVIEW, review.recommendationId(), Json.write(review))));
        return new StoredRecommendation(current.recommendation(), review.resultingStatus(), review.finalQuantity(),
                current.version() + 1, current.deadline());
    }

    public List<Review> reviews(String recommendationId) {
        return jdbi.withHandle(h -> h.createQuery("select * from review where recommendation_id = :r order by id")
                .bind("r", recommendationId).map((rs, ctx) -> review(rs)).list());
    }

    /** Every review of a decision type's recommendations, oldest first. */
    public List<Review> reviewsOf(String decisionType) {
        return jdbi.withHandle(h -> h.createQuery("select v.* from review v join recommendation r on r.id = v.recommendation_id "
                + "where r.decision_type = :t order by v.id").bind("t", decisionType).map((rs, ctx) -> review(rs)).list());
    }

    // ---- outcomes ----------------------------------------------------------------------------

    /** Records outcomes not recorded before; returns how many were new. */
    public int recordOutcomes(List<OutcomeRecord> outcomes, Instant at) {
        if (outcomes.isEmpty()) return 0;
        return jdbi.inTransaction(h -> {
            lockLedger(h);
            List<NewEntry> entries = new ArrayList<>();
            PreparedBatch batch = h.prepareBatch("insert into outcome (recommendation_id, actual_demand, cost_final, "
                    + "cost_system, cost_naive, payload, recorded_at) values (:r, :d, :f, :s, :n, :p, :at)");
            int added = 0;
            for (OutcomeRecord o : outcomes) {
                boolean known = h.createQuery("select count(*) from outcome where recommendation_id = :r")
                        .bind("r", o.recommendationId()).mapTo(Integer.class).one() > 0;
                if (known) continue;
                batch.bind("r", o.recommendationId()).bind("d", o.actualDemand()).bind("f", o.costFinal())
                        .bind("s", o.costSystem()).bind("n", o.costNaive()).bind("p", o.payload()).bind("at", utc(at)).add();
                entries.add(new NewEntry(at, EventType.OUTCOME_RECORDED, o.recommendationId(), Json.write(o)));
                added++;
            }
            if (added > 0) batch.execute();
            JdbcLedgerStore.append(h, entries);
            return added;
        });
    }

    public List<OutcomeRecord> outcomes(String decisionType) {
        return jdbi.withHandle(h -> h.createQuery("select o.* from outcome o join recommendation r on r.id = o.recommendation_id "
                + "where r.decision_type = :t order by r.as_of, r.item").bind("t", decisionType)
                .map((rs, ctx) -> new OutcomeRecord(rs.getString("recommendation_id"), rs.getDouble("actual_demand"),
                        rs.getDouble("cost_final"), rs.getDouble("cost_system"), rs.getDouble("cost_naive"),
                        rs.getString("payload"))).list());
    }

    /** Counts rows per table, for summaries and for tests that a rerun wrote nothing. */
    public Map<String, Long> counts() {
        return jdbi.withHandle(h -> {
            Map<String, Long> out = new LinkedHashMap<>();
            for (String t : List.of("decision_type", "batch", "quarantined_row", "cycle", "recommendation", "review",
                    "outcome", "ledger")) {
                out.put(t, h.createQuery("select count(*) from " + t).mapTo(Long.class).one());
            }
            return out;
        });
    }

    @Override
    public void close() {
        if (config.isPostgres()) return;
        // The embedded database stays open while the JVM lives (DB_CLOSE_DELAY=-1); close it now.
        // Commits are appended (REUSE_SPACE=FALSE), so the file grows: rewrite it when less than half is live.
        try (Handle h = jdbi.open(); var statement = h.getConnection().createStatement()) {
            statement.execute(liveShare(h) < 50 ? "SHUTDOWN COMPACT" : "SHUTDOWN");
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("closing the embedded store " + config.jdbcUrl() + " failed", e);
        } finally {
            connections.ifPresent(ReusedConnections::closeAll);
        }
    }

    /** The embedded store's share of live data in its file, in percent; 100 when H2 does not say. */
    private static int liveShare(Handle h) {
        return h.createQuery("select setting_value from information_schema.settings where setting_name = "
                + "'info.CHUNKS_FILL_RATE'").mapTo(String.class).findOne().map(v -> {
                    try {
                        return Integer.parseInt(v.trim());
                    } catch (NumberFormatException e) {
                        return 100;
                    }
                }).orElse(100);
    }

    // ---- row mapping -------------------------------------------------------------------------

    /** Serialises writers: every state change appends to the ledger, whose head row this locks. */
    static void lockLedger(Handle h) {
        JdbcLedgerStore.lockHead(h);
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static CycleRecord cycle(ResultSet rs) throws SQLException {
        String batches = rs.getString("batches");
        return new CycleRecord(rs.getString("id"), rs.getString("decision_type"), rs.getObject("as_of", LocalDate.class),
                batches.isEmpty() ? List.of() : List.of(batches.split(",")), rs.getInt("recommendations"),
                rs.getInt("exceptions"), rs.getString("summary"), rs.getObject("ran_at", OffsetDateTime.class).toInstant());
    }

    private static BatchRecord batch(ResultSet rs) throws SQLException {
        return new BatchRecord(rs.getString("hash"), rs.getString("input"), rs.getString("source_file"),
                BatchStatus.valueOf(rs.getString("status")), Optional.ofNullable(rs.getString("reason")),
                rs.getLong("rows_read"), rs.getLong("rows_accepted"), rs.getLong("rows_quarantined"),
                Optional.ofNullable(rs.getString("data_path")).map(Path::of),
                Optional.ofNullable(rs.getString("quarantine_path")).map(Path::of),
                Optional.ofNullable(rs.getObject("first_date", LocalDate.class)),
                Optional.ofNullable(rs.getObject("last_date", LocalDate.class)),
                rs.getObject("ingested_at", OffsetDateTime.class).toInstant());
    }

    StoredRecommendation stored(ResultSet rs) throws SQLException {
        return new StoredRecommendation(recommendation(rs), Status.valueOf(rs.getString("status")),
                rs.getDouble("final_quantity"), rs.getInt("version"), rs.getObject("deadline", OffsetDateTime.class).toInstant());
    }

    /**
     * The recommendation of a row's {@code id} and {@code payload}. A payload never changes once stored
     * (only the review state beside it does), so each is parsed once and kept, with its text: a payload
     * that reads differently from the one kept (edited in the database) is parsed afresh.
     */
    Recommendation recommendation(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        String payload = rs.getString("payload");
        ParsedPayload kept = parsed.get(id);
        if (kept != null && kept.payload().equals(payload)) return kept.recommendation();
        Recommendation r = Json.read(payload, Recommendation.class);
        if (parsed.size() >= PARSED_LIMIT) parsed.clear();
        parsed.put(id, new ParsedPayload(payload, r));
        return r;
    }

    private record ParsedPayload(String payload, Recommendation recommendation) {
    }

    private static Review review(ResultSet rs) throws SQLException {
        return new Review(rs.getString("recommendation_id"), ReviewAction.valueOf(rs.getString("action")),
                rs.getString("actor"), rs.getDouble("final_quantity"), Optional.ofNullable(rs.getString("reason_code")),
                rs.getString("review_comment"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("simulated"));
    }

    /** Runs {@code work} in one transaction of this store. */
    public <T> T inTransaction(java.util.function.Function<Handle, T> work) {
        return jdbi.inTransaction(work::apply);
    }
}
