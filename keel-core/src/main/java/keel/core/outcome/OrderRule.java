package keel.core.outcome;

import keel.core.policy.Tradeoff;

/**
 * How much to order at a review, given the inventory position there. Plug a policy in with a lambda, e.g.
 * {@code (review, period, ip) -> policy.decide(demandAt(review), ip).quantity()}.
 */
@FunctionalInterface
public interface OrderRule {

    /**
     * @param review            zero-based index of the review in the window
     * @param period            zero-based period of the window in which the review takes place
     * @param inventoryPosition on hand + pipeline − backlog, before ordering
     * @return units to order, {@code >= 0} (whole units for most items; fractions allowed, e.g. kilograms)
     */
    double quantity(int review, int period, double inventoryPosition);

    /** The recorded quantities, one per review, whatever the state (open loop). */
    static OrderRule quantities(double[] perReview) {
        double[] q = perReview.clone();
        return (review, period, ip) -> review < q.length ? q[review] : 0;
    }

    /**
     * Order up to a target level per review: {@code max(0, y − IP)} rounded up to the tradeoff's feasible
     * set (pack multiple, minimum order); 0 after the last target.
     */
    static OrderRule upTo(double[] levels, Tradeoff tradeoff) {
        double[] y = levels.clone();
        return (review, period, ip) -> review < y.length ? tradeoff.feasibleAtOrAbove(y[review] - ip) : 0;
    }

    /** Order exactly {@code max(0, y − IP)} per review, no rounding (continuous stock, or a textbook check). */
    static OrderRule upToExactly(double[] levels) {
        double[] y = levels.clone();
        return (review, period, ip) -> review < y.length ? Math.max(0, y[review] - ip) : 0;
    }
}
