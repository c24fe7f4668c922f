package keel.core.cycle;

import java.time.LocalDate;
import java.util.List;

/**
 * The recommendations of one cycle, and how long it took.
 *
 * @param forecastNanos CPU-summed time spent forecasting, over all items
 * @param policyNanos CPU-summed time spent in the policy, over all items
 */
public record CycleResult(String cycleId, String decisionType, LocalDate asOf, List<String> batches,
        List<Recommendation> recommendations, long forecastNanos, long policyNanos, long wallNanos) {

    public CycleResult {
        batches = List.copyOf(batches);
        recommendations = List.copyOf(recommendations);
    }

    public long exceptions() {
        return recommendations.stream().filter(Recommendation::needsReview).count();
    }

    public long fallbacks() {
        return recommendations.stream().filter(r -> r.fallbackReason().isPresent()).count();
    }
}
