package keel.core.policy;

import java.util.List;
import java.util.Optional;

/**
 * What the periodic-review order-up-to policy recommends at one review, and why.
 *
 * @param quantity           units to order: 0 or a pack multiple at or above the minimum order
 * @param orderUpToLevel     {@code S*}, the unconstrained newsvendor level on demand over {@code R + L}
 * @param inventoryPosition  {@code IP} before ordering (on hand + pipeline − backorders)
 * @param criticalFractile   {@code α = p/(p + h)} used
 * @param expectedCost       expected cost over the protection interval at {@code IP + quantity}, with parts
 * @param alternatives       the quantities rejected, each with its expected cost; cheapest first; never
 *                           contains {@code quantity} itself
 * @param demand             the distribution of demand over the protection interval, in words
 * @param rationale          one sentence in plain words with the figures
 */
public record OrderDecision(long quantity, double orderUpToLevel, double inventoryPosition, double criticalFractile,
        ExpectedCost expectedCost, List<Alternative> alternatives, String demand, String rationale) {

    public OrderDecision {
        if (quantity < 0) throw new IllegalArgumentException("order decision: quantity was " + quantity + "; expected >= 0");
        if (expectedCost == null) throw new IllegalArgumentException("order decision: expectedCost is missing");
        alternatives = List.copyOf(alternatives);
        if (demand == null || rationale == null) {
            throw new IllegalArgumentException("order decision: demand and rationale are required");
        }
    }

    /** {@code IP + quantity}: the inventory position once the order is placed. */
    public double resultingPosition() {
        return inventoryPosition + quantity;
    }

    /** {@code P(D_{R+L} > IP + quantity)}. */
    public double stockoutProbability() {
        return expectedCost.stockoutProbability();
    }

    /** The rejected alternative with the given label, if it was evaluated. */
    public Optional<Alternative> alternative(String label) {
        return alternatives.stream().filter(a -> a.label().equals(label)).findFirst();
    }
}
