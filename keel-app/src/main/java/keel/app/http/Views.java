package keel.app.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import keel.app.workspace.Workspace;
import keel.core.cycle.Recommendation;
import keel.core.decision.DecisionType;
import keel.core.review.Review;
import keel.store.jdbc.Json;
import keel.store.jdbc.ReportQueries;
import keel.store.jdbc.StoredRecommendation;

/** The JSON shapes of the API: plain maps and records, built from the store's records. */
final class Views {
    private Views() {
    }

    /** Where a recommendation stands: what a 409 returns so the caller can see the current state. */
    static Map<String, Object> state(StoredRecommendation r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.recommendation().id());
        m.put("status", r.status().name());
        m.put("finalQuantity", r.finalQuantity());
        m.put("version", r.version());
        m.put("deadline", r.deadline().toString());
        return m;
    }

    /** One row of the queue. */
    static Map<String, Object> queueRow(StoredRecommendation r) {
        Recommendation rec = r.recommendation();
        Map<String, Object> m = state(r);
        m.put("decisionType", rec.decisionType());
        m.put("item", rec.item());
        m.put("location", rec.location());
        m.put("asOf", rec.asOf().toString());
        m.put("quantity", rec.quantity());
        m.put("naiveQuantity", rec.naiveQuantity());
        m.put("valueAtStake", Workspace.valueAtStake(rec));
        m.put("currency", rec.costs().currency());
        m.put("reasons", rec.reviewReasons());
        return m;
    }

    /**
     * Queue rows as JSON, each row's text kept while its recommendation stands as it was read (the
     * queue hands out the same row until a review changes it): a queue of 50 rows is then joined,
     * not rebuilt and serialised again.
     */
    static final class QueueRows {
        private static final int LIMIT = 50_000;
        private final Map<String, Written> written = new java.util.concurrent.ConcurrentHashMap<>();

        private record Written(StoredRecommendation row, String json) {
        }

        /** The rows as a JSON array, as {@code Json.write(rows.map(Views::queueRow))} writes it. */
        String json(List<StoredRecommendation> rows) {
            StringBuilder sb = new StringBuilder(rows.size() * 512 + 2).append('[');
            for (StoredRecommendation r : rows) {
                if (sb.length() > 1) sb.append(',');
                sb.append(json(r));
            }
            return sb.append(']').toString();
        }

        private String json(StoredRecommendation r) {
            Written w = written.get(r.recommendation().id());
            if (w != null && w.row() == r) return w.json();
            String json = Json.write(queueRow(r));
            if (written.size() >= LIMIT) written.clear();
            written.put(r.recommendation().id(), new Written(r, json));
            return json;
        }
    }

    static Map<String, Object> review(Review v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", v.action().name());
        m.put("actor", v.actor());
        m.put("finalQuantity", v.finalQuantity());
        m.put("reasonCode", v.reasonCode().orElse(null));
        m.put("comment", v.comment());
        m.put("at", v.at().toString());
        m.put("simulated", v.simulated());
        if (v.simulated()) m.put("label", "simulated planner");
        return m;
    }

    static Map<String, Object> pastOverride(ReportQueries.PastOverride o) {
        Map<String, Object> m = review(o.review());
        m.put("recommendation", o.review().recommendationId());
        m.put("systemQuantity", o.systemQuantity());
        m.put("decisionValueAdded", o.valueAdded().orElse(null));
        return m;
    }

    /** A recommendation in full, with its reviews and the item's past overrides. */
    static Map<String, Object> detail(StoredRecommendation r, List<Review> reviews, List<ReportQueries.PastOverride> past) {
        Map<String, Object> m = state(r);
        m.put("recommendation", r.recommendation());
        m.put("valueAtStake", Workspace.valueAtStake(r.recommendation()));
        m.put("reviews", reviews.stream().map(Views::review).toList());
        m.put("pastOverrides", past.stream().map(Views::pastOverride).toList());
        return m;
    }

    static Map<String, Object> decisionType(DecisionType t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("version", t.version());
        m.put("description", t.description());
        m.put("domain", t.domain());
        m.put("stage", t.stage().name().toLowerCase(java.util.Locale.ROOT));
        m.put("owner", t.owner().orElse(null));
        m.put("accountable", t.accountable().orElse(null));
        m.put("period", t.period().name().toLowerCase(java.util.Locale.ROOT));
        m.put("tradeoff", t.tradeoff());
        m.put("review", Map.of("reasonCodes", t.review().reasonCodes(),
                "rules", t.review().rules().stream().map(Object::toString).toList(),
                "capacityPerCycle", t.review().capacityPerCycle(),
                "deadlineHours", t.review().deadline().toHours(),
                "onExpiry", t.review().onExpiry().name().toLowerCase(java.util.Locale.ROOT)));
        return m;
    }
}
