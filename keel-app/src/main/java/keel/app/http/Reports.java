package keel.app.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import keel.app.workspace.Workspace;
import keel.core.cycle.ForecastSummary;
import keel.core.cycle.Recommendation;
import keel.core.decision.DecisionType;
import keel.core.outcome.DecisionValue;
import keel.core.outcome.DecisionValueReport;
import keel.core.outcome.ForecastStep;
import keel.core.outcome.ForecastValueAdded;
import keel.core.review.Review;
import keel.core.review.ReviewAction;
import keel.core.review.Status;
import keel.store.jdbc.CycleRecord;
import keel.store.jdbc.OutcomeRecord;
import keel.store.jdbc.ReportQueries;
import keel.store.jdbc.StoredRecommendation;

/**
 * The value and health reports of a decision type, computed from the stored recommendations,
 * reviews and outcomes, and cached until the ledger grows.
 */
final class Reports {
    private static final long SEED = 42;
    private final Workspace ws;
    private final ReportQueries queries;
    private final Map<String, Object[]> cache = new ConcurrentHashMap<>();

    Reports(Workspace ws, ReportQueries queries) {
        this.ws = ws;
        this.queries = queries;
    }

    /** FVA stairstep, DVA by owner / reason / size / direction, and realised costs. */
    Map<String, Object> value(DecisionType t) {
        return cached("value " + t.name(), () -> computeValue(t));
    }

    /** Per cycle: WAPE and bias of the statistical forecast, 10-90 % coverage, override and touchless rates. */
    List<Map<String, Object>> health(DecisionType t) {
        return cached("health " + t.name(), () -> computeHealth(t));
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, java.util.function.Supplier<T> compute) {
        long size = ws.store().ledger().size();
        Object[] hit = cache.get(key);
        if (hit != null && (long) hit[0] == size) return (T) hit[1];
        T value = compute.get();
        cache.put(key, new Object[] {size, value});
        return value;
    }

    private Map<String, StoredRecommendation> recommendations(DecisionType t) {
        Map<String, StoredRecommendation> out = new HashMap<>();
        for (CycleRecord c : ws.store().cycles(t.name())) {
            for (StoredRecommendation r : ws.store().recommendations(c.id())) out.put(r.recommendation().id(), r);
        }
        return out;
    }

    private Map<String, Object> computeValue(DecisionType t) {
        Map<String, StoredRecommendation> recs = recommendations(t);
        Map<String, Review> lastReview = new HashMap<>();
        for (Review v : ws.store().reviewsOf(t.name())) if (v.action() != ReviewAction.EXPIRE) lastReview.put(v.recommendationId(), v);
        List<OutcomeRecord> outcomes = ws.store().outcomes(t.name());
        List<DecisionValue> values = new ArrayList<>();
        double[][] fva = new double[4][outcomes.size()];
        double costFinal = 0, costSystem = 0, costNaive = 0;
        int n = 0;
        java.util.TreeMap<java.time.LocalDate, double[]> perCycle = new java.util.TreeMap<>();
        for (OutcomeRecord o : outcomes) {
            StoredRecommendation r = recs.get(o.recommendationId());
            if (r == null) continue;
            Recommendation rec = r.recommendation();
            double statistical = rec.forecast().meanTotal();
            fva[0][n] = o.actualDemand();
            fva[1][n] = Math.max(0, rec.naiveQuantity() + rec.inventoryPosition()) / t.baseline().safetyFactor();
            fva[2][n] = statistical;
            fva[3][n] = Math.max(0, statistical + r.finalQuantity() - rec.quantity());
            n++;
            costFinal += o.costFinal();
            costSystem += o.costSystem();
            costNaive += o.costNaive();
            double[] c = perCycle.computeIfAbsent(rec.asOf(), k -> new double[3]);
            c[0] += o.costFinal();
            c[1] += o.costSystem();
            c[2] += o.costNaive();
            Review v = lastReview.get(o.recommendationId());
            if (v != null) {
                values.add(new DecisionValue(o.recommendationId(), v.actor() + (v.simulated() ? " (simulated planner)" : ""),
                        v.reasonCode().orElse(""), rec.quantity(), r.finalQuantity(), o.costSystem() - o.costFinal()));
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decisionType", t.name());
        m.put("currency", t.tradeoff().currency());
        m.put("outcomes", n);
        m.put("realisedCost", Map.of("final", costFinal, "system", costSystem, "naive", costNaive));
        m.put("naiveForecastNote", "naive forecast approximated as the naive policy's order-up-to level / safety factor "
                + t.baseline().safetyFactor());
        m.put("stairstep", stairstep(fva, n));
        m.put("decisionValueAdded", DecisionValueReport.overall(values, SEED));
        Map<String, Object> by = new LinkedHashMap<>();
        for (DecisionValueReport.Dimension d : List.of(DecisionValueReport.Dimension.OWNER,
                DecisionValueReport.Dimension.REASON, DecisionValueReport.Dimension.SIZE_BAND,
                DecisionValueReport.Dimension.DIRECTION)) {
            by.put(d.name().toLowerCase(Locale.ROOT), DecisionValueReport.by(values, d, SEED));
        }
        m.put("decisionValueAddedBy", by);
        List<Map<String, Object>> cycles = new ArrayList<>();
        perCycle.forEach((asOf, c) -> cycles.add(Map.of("asOf", asOf.toString(), "costFinal", c[0], "costSystem", c[1],
                "costNaive", c[2], "decisionValueAdded", c[1] - c[0])));
        m.put("byCycle", cycles);
        return m;
    }

    private static List<?> stairstep(double[][] fva, int n) {
        double total = 0;
        for (int i = 0; i < n; i++) total += fva[0][i];
        if (n == 0 || !(total > 0)) return List.of();
        return ForecastValueAdded.stairstep(java.util.Arrays.copyOf(fva[0], n), List.of(
                new ForecastStep("naive", java.util.Arrays.copyOf(fva[1], n)),
                new ForecastStep("statistical", java.util.Arrays.copyOf(fva[2], n)),
                new ForecastStep("final (after overrides)", java.util.Arrays.copyOf(fva[3], n))));
    }

    private List<Map<String, Object>> computeHealth(DecisionType t) {
        Map<String, StoredRecommendation> recs = recommendations(t);
        Map<String, double[]> byCycle = new HashMap<>();
        for (OutcomeRecord o : ws.store().outcomes(t.name())) {
            StoredRecommendation r = recs.get(o.recommendationId());
            if (r == null) continue;
            double[] acc = byCycle.computeIfAbsent(r.recommendation().cycleId(), k -> new double[6]);
            ForecastSummary f = r.recommendation().forecast();
            double a = o.actualDemand();
            acc[0] += a;
            acc[1] += Math.abs(a - f.meanTotal());
            acc[2] += f.meanTotal() - a;
            int lo = f.levels().indexOf(0.1), hi = f.levels().indexOf(0.9);
            if (lo >= 0 && hi >= 0) {
                acc[3]++;
                if (a >= f.totalQuantiles().get(lo) && a <= f.totalQuantiles().get(hi)) acc[4]++;
            }
            acc[5]++;
        }
        Map<String, Map<Status, Long>> statuses = queries.statusesByCycle(t.name());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CycleRecord c : ws.store().cycles(t.name())) {
            Map<Status, Long> s = new java.util.EnumMap<>(Status.class);
            s.putAll(statuses.getOrDefault(c.id(), Map.of()));
            long stored = s.values().stream().mapToLong(Long::longValue).sum();
            // A cycle run on Spark stores only its queued exceptions; the rest of its recommendations,
            // approved without a person, stay in its Parquet files and count as touchless here.
            long all = Math.max(stored, c.recommendations());
            if (all > stored) s.merge(Status.TOUCHLESS, all - stored, Long::sum);
            double[] acc = byCycle.getOrDefault(c.id(), new double[6]);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("cycle", c.id());
            row.put("asOf", c.asOf().toString());
            row.put("recommendations", all);
            row.put("scored", (long) acc[5]);
            row.put("wape", acc[0] > 0 ? acc[1] / acc[0] : null);
            row.put("bias", acc[0] > 0 ? acc[2] / acc[0] : null);
            row.put("coverage80", acc[3] > 0 ? acc[4] / acc[3] : null);
            row.put("overrideRate", all > 0 ? (double) s.getOrDefault(Status.OVERRIDDEN, 0L) / all : null);
            row.put("touchlessRate", all > 0 ? (double) s.getOrDefault(Status.TOUCHLESS, 0L) / all : null);
            row.put("statuses", s);
            rows.add(row);
        }
        return rows;
    }
}
