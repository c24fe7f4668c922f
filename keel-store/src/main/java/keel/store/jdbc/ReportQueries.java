package keel.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import keel.core.ledger.EventType;
import keel.core.ledger.LedgerEntry;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.core.review.Status;
import org.jdbi.v3.core.Handle;

/**
 * Read-only queries for the web pages and reports: the newest ledger entries, the override track
 * record of one item, and review statuses per cycle. Kept apart from {@link KeelStore}, which owns
 * every write.
 */
public final class ReportQueries {
    private final KeelStore store;

    public ReportQueries(KeelStore store) {
        this.store = store;
    }

    /** An override of an earlier recommendation, with its Decision Value Added once the outcome is known. */
    public record PastOverride(Review review, double systemQuantity, Optional<Double> valueAdded) {
    }

    /**
     * The newest ledger entries first, at most {@code limit}, only those about {@code subject} when
     * given.
     */
    public List<LedgerEntry> ledger(int limit, Optional<String> subject) {
        return read(h -> h.createQuery("select * from ledger" + (subject.isPresent() ? " where subject = :s" : "")
                + " order by seq desc limit :n").bind("s", subject.orElse("")).bind("n", limit)
                .map((rs, ctx) -> entry(rs)).list());
    }

    /** Overrides of {@code item} in {@code decisionType}, newest first, with DVA = cost(system) - cost(final). */
    public List<PastOverride> overridesOf(String decisionType, String item, int limit) {
        return read(h -> h.createQuery("select v.*, r.quantity as system_quantity, o.cost_system - o.cost_final as dva "
                + "from review v join recommendation r on r.id = v.recommendation_id "
                + "left join outcome o on o.recommendation_id = r.id "
                + "where r.decision_type = :t and r.item = :i and v.action = 'OVERRIDE' order by v.id desc limit :n")
                .bind("t", decisionType).bind("i", item).bind("n", limit)
                .map((rs, ctx) -> new PastOverride(review(rs), rs.getDouble("system_quantity"),
                        Optional.ofNullable(rs.getObject("dva")).map(v -> ((Number) v).doubleValue())))
                .list());
    }

    /**
     * As {@link KeelStore#queue}: recommendations of a decision type in the given statuses, most value
     * at stake first; their payloads are parsed once and then kept (see {@link KeelStore#recommendation(ResultSet)}).
     */
    public List<StoredRecommendation> queue(String decisionType, List<Status> statuses) {
        return read(h -> h.createQuery("select id, status, final_quantity, version, deadline, payload from recommendation "
                + "where decision_type = :t and status in (<st>) order by value_at_stake desc, id")
                .bind("t", decisionType).bindList("st", statuses.stream().map(Status::name).toList())
                .map((rs, ctx) -> new StoredRecommendation(store.recommendation(rs), Status.valueOf(rs.getString("status")),
                        rs.getDouble("final_quantity"), rs.getInt("version"),
                        rs.getObject("deadline", OffsetDateTime.class).toInstant()))
                .list());
    }

    /** Per cycle id, how many of its recommendations stand in each status. */
    public Map<String, Map<Status, Long>> statusesByCycle(String decisionType) {
        Map<String, Map<Status, Long>> out = new LinkedHashMap<>();
        read(h -> h.createQuery("select cycle_id, status, count(*) as n from recommendation where decision_type = :t "
                + "group by cycle_id, status order by cycle_id").bind("t", decisionType)
                .map((rs, ctx) -> out.computeIfAbsent(rs.getString("cycle_id"), k -> new LinkedHashMap<>())
                        .put(Status.valueOf(rs.getString("status")), rs.getLong("n")))
                .list());
        return out;
    }

    /** How many recommendations of each cycle a person reviewed (accept, override or escalate), by cycle id. */
    public Map<String, Long> humanReviewsByCycle(String decisionType) {
        Map<String, Long> out = new LinkedHashMap<>();
        read(h -> h.createQuery("select r.cycle_id, count(distinct r.id) as n from review v join recommendation r "
                + "on r.id = v.recommendation_id where r.decision_type = :t and v.action <> 'EXPIRE' group by r.cycle_id")
                .bind("t", decisionType).map((rs, ctx) -> out.put(rs.getString("cycle_id"), rs.getLong("n"))).list());
        return out;
    }

    /** One earlier (or this) recommendation of an item, with the demand that followed when it is known. */
    public record ItemCycle(StoredRecommendation recommendation, Optional<Double> actualDemand) {
    }

    /** Every recommendation of {@code item} in {@code decisionType}, oldest first, with actual demand when scored. */
    public List<ItemCycle> itemHistory(String decisionType, String item) {
        return read(h -> h.createQuery("select r.*, o.actual_demand from recommendation r left join outcome o "
                + "on o.recommendation_id = r.id where r.decision_type = :t and r.item = :i order by r.as_of")
                .bind("t", decisionType).bind("i", item)
                .map((rs, ctx) -> new ItemCycle(store.stored(rs),
                        Optional.ofNullable(rs.getObject("actual_demand")).map(v -> ((Number) v).doubleValue())))
                .list());
    }

    private <T> T read(java.util.function.Function<Handle, T> query) {
        return store.inTransaction(query);
    }

    private static LedgerEntry entry(ResultSet rs) throws SQLException {
        return new LedgerEntry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                EventType.valueOf(rs.getString("type")), rs.getString("subject"), rs.getString("payload"),
                rs.getString("previous_hash"), rs.getString("hash"));
    }

    private static Review review(ResultSet rs) throws SQLException {
        return new Review(rs.getString("recommendation_id"), ReviewAction.valueOf(rs.getString("action")),
                rs.getString("actor"), rs.getDouble("final_quantity"), Optional.ofNullable(rs.getString("reason_code")),
                rs.getString("review_comment"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("simulated"));
    }
}
