package keel.core.policy;

import java.util.OptionalDouble;

/**
 * The expected cost of holding stock level {@code S} against one demand distribution, with its parts
 * reported separately (DECISIONS §1): {@code g(S) = h·n̄(S) + p·n(S)}.
 *
 * @param level                the stock level {@code S} (inventory position after ordering), units
 * @param expectedLeftover     {@code n̄(S)}, expected units left at the end (holding, or waste if perishable)
 * @param expectedShortage     {@code n(S)}, expected units short (lost sales or backorders)
 * @param holdingCost          {@code h·n̄(S)}, money
 * @param shortageCost         {@code p·n(S)}, money
 * @param fillRate             {@code 1 − n(S)/E[D]}, share of demand served; 1 when {@code E[D] = 0}
 * @param stockoutProbability  {@code P(D > S)}
 * @param standardError        standard error of {@link #total()} when it is a sample average (sample paths)
 */
public record ExpectedCost(double level, double expectedLeftover, double expectedShortage, double holdingCost,
        double shortageCost, double fillRate, double stockoutProbability, OptionalDouble standardError) {

    public ExpectedCost {
        if (standardError == null) {
            throw new IllegalArgumentException("expected cost: standardError is missing; expected OptionalDouble.empty()");
        }
        if (!Double.isFinite(level) || expectedLeftover < 0 || expectedShortage < 0) {
            throw new IllegalArgumentException("expected cost at level " + level + ": leftover " + expectedLeftover
                    + ", shortage " + expectedShortage + "; expected a finite level and non-negative units");
        }
    }

    /** {@code g(S)}, money. */
    public double total() {
        return holdingCost + shortageCost;
    }
}
