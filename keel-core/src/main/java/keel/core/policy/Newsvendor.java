package keel.core.policy;

import java.util.OptionalDouble;

/**
 * The newsvendor: one decision against one uncertain demand (DECISIONS §1; Snyder &amp; Shen, <i>Fundamentals
 * of Supply Chain Theory</i>, 2nd ed. 2019, ch. 4). In replenishment the underage cost is the shortage cost
 * {@code p} and the overage cost the holding cost {@code h}; for a one-shot buy pass {@code r − c + goodwill}
 * and {@code c − v} instead.
 */
public final class Newsvendor {
    private Newsvendor() {}

    /** {@code α = p / (p + h)}. */
    public static double criticalFractile(double holdingCost, double shortageCost) {
        requireCosts(holdingCost, shortageCost);
        return shortageCost / (shortageCost + holdingCost);
    }

    /**
     * The cost-minimising level {@code S* = F⁻¹(α)}: the exact quantile for continuous demand, the smallest
     * integer with {@code F(S) ≥ α} for discrete demand (g is convex, so this is the integer optimum), the
     * order statistic {@code d_(⌈Nα⌉)} for sample paths.
     */
    public static double optimalLevel(DemandDistribution demand, double holdingCost, double shortageCost) {
        return demand.quantile(criticalFractile(holdingCost, shortageCost));
    }

    /** {@code g(S) = h·n̄(S) + p·n(S)} and its parts; with a standard error for sample paths. */
    public static ExpectedCost evaluate(DemandDistribution demand, double level, double holdingCost,
            double shortageCost) {
        requireCosts(holdingCost, shortageCost);
        double shortage = demand.expectedShortage(level);
        double leftover = demand.expectedLeftover(level);
        double mean = demand.mean();
        double fill = mean > 0 ? 1 - shortage / mean : 1;
        OptionalDouble se = demand instanceof SamplePaths paths
                ? OptionalDouble.of(paths.costStandardError(level, holdingCost, shortageCost))
                : OptionalDouble.empty();
        return new ExpectedCost(level, leftover, shortage, holdingCost * leftover, shortageCost * shortage, fill,
                1 - demand.cdf(level), se);
    }

    /** {@link #evaluate} with the costs of a {@link Tradeoff}. */
    public static ExpectedCost evaluate(DemandDistribution demand, double level, Tradeoff tradeoff) {
        return evaluate(demand, level, tradeoff.holdingCost(), tradeoff.shortageCost());
    }

    private static void requireCosts(double h, double p) {
        if (!(h > 0) || !(p > 0) || !Double.isFinite(h) || !Double.isFinite(p)) {
            throw new IllegalArgumentException("newsvendor: holding cost was " + h + " and shortage cost " + p
                    + "; expected finite costs > 0");
        }
    }
}
