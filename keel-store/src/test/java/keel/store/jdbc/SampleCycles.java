package keel.store.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import keel.core.cycle.Alternative;
import keel.core.cycle.CostFigures;
import keel.core.cycle.ForecastSummary;
import keel.core.cycle.Lineage;
import keel.core.cycle.Recommendation;
import keel.core.review.Status;

/** Small, deterministic cycles and recommendations for store tests. */
final class SampleCycles {
    static final Instant T0 = Instant.parse("2011-06-06T06:00:00Z");
    static final LocalDate AS_OF = LocalDate.of(2011, 6, 6);

    private SampleCycles() {
    }

    static Recommendation recommendation(String cycle, String item, double quantity, List<String> reasons) {
        return new Recommendation(cycle + "/" + item, cycle, "replenish-test", item, "ONLINE_UK", AS_OF,
                quantity, quantity + 5, 5, 12.5, 0.08, 3.2, 0.4, 18,
                List.of(new Alternative("order nothing", 0, 80.0, 0.9, 0.1, 20),
                        new Alternative("naive policy", 18, 14.0, 0.05, 6, 0.2)),
                new ForecastSummary("sba", "sba: lowest backtest error", 40, List.of(6.0, 6.5), List.of(0.5, 0.9),
                        List.of(12.0, 19.0), Double.NaN),
                "Order " + quantity + ".", new Lineage(List.of("abc"), "v1", "auto", Map.of("alpha", 0.1), "order-up-to/1"),
                new CostFigures("GBP", 1.2, 0.007, 0.9, 0.992), Optional.empty(), reasons);
    }

    static CycleRecord cycle(String id) {
        return cycle(id, AS_OF, 2);
    }

    static CycleRecord cycle(String id, LocalDate asOf, int recommendations) {
        return new CycleRecord(id, "replenish-test", asOf, List.of("abc", "def"), recommendations, 1, "{}", T0);
    }

    /**
     * {@code n} recommendations of cycle {@code cycleId}; every third needs review. The same
     * arguments give the same recommendations.
     */
    static List<KeelStore.NewRecommendation> recommendations(String cycleId, int n) {
        List<KeelStore.NewRecommendation> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean review = i % 3 == 0;
            out.add(new KeelStore.NewRecommendation(recommendation(cycleId, String.format("item-%05d", i), 1 + (i * 7) % 40,
                    review ? List.of("value at stake") : List.of()),
                    review ? Status.AWAITING_REVIEW : Status.TOUCHLESS, (i * 13) % 50));
        }
        return out;
    }

    /** A cycle of {@code n} recommendations that all await review, due a day after {@link #T0}. */
    static List<KeelStore.NewRecommendation> awaitingReview(String cycleId, int n) {
        return recommendations(cycleId, n).stream()
                .map(r -> new KeelStore.NewRecommendation(r.recommendation(), Status.AWAITING_REVIEW, r.valueAtStake()))
                .toList();
    }
}
