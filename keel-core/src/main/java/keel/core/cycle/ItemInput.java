package keel.core.cycle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a cycle knows about one item at its as-of date.
 *
 * @param history demand per period, oldest first, up to the period before the as-of date; NaN where
 *     the period's rows were quarantined or missing
 * @param attributes numeric catalog attributes (e.g. {@code unit_price})
 * @param inventoryPosition on hand plus on order minus backorders, in units
 * @param lastOrder the previous order's quantity, if any
 * @param warnings contract warnings of the inputs this item's data came from
 * @param blockedReason set when an input this item needs is blocked: the fallback policy acts
 */
public record ItemInput(String item, double[] history, Map<String, Double> attributes, double inventoryPosition,
        Optional<Double> lastOrder, List<String> warnings, Optional<String> blockedReason) {

    public ItemInput {
        history = history.clone();
        attributes = Map.copyOf(attributes);
        warnings = List.copyOf(warnings);
        if (!Double.isFinite(inventoryPosition)) {
            throw new IllegalArgumentException("item " + item + ": inventory position was " + inventoryPosition
                    + "; expected a finite number of units");
        }
    }

    /** Periods of history with a value. */
    public int observedPeriods() {
        int n = 0;
        for (double v : history) if (!Double.isNaN(v)) n++;
        return n;
    }
}
