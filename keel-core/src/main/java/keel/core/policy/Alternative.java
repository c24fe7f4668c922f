package keel.core.policy;

/**
 * An order quantity the policy considered and rejected, with its expected cost.
 *
 * @param label     why it was considered, in words: {@code "order nothing"}, {@code "one pack less"},
 *                  {@code "one pack more"}, {@code "smallest order"}, {@code "naive"}, {@code "nearest feasible below"} or
 *                  {@code "nearest feasible above"}
 * @param quantity  units ordered, {@code >= 0}
 * @param cost      expected cost over the protection interval at the resulting stock level
 * @param extraCost {@code cost.total()} minus the chosen quantity's expected cost; {@code >= 0} for every
 *                  feasible alternative, may be negative for an infeasible one (e.g. a naive quantity that
 *                  breaks the pack rule)
 * @param feasible  whether the quantity respects pack size and minimum order
 */
public record Alternative(String label, long quantity, ExpectedCost cost, double extraCost, boolean feasible) {
    public Alternative {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("alternative: label is missing; expected a short description");
        }
        if (quantity < 0) {
            throw new IllegalArgumentException("alternative '" + label + "': quantity was " + quantity
                    + "; expected >= 0");
        }
        if (cost == null) throw new IllegalArgumentException("alternative '" + label + "': cost is missing");
    }
}
