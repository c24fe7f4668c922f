package keel.core.outcome;

import java.util.ArrayList;
import java.util.List;
import keel.core.policy.Tradeoff;

/**
 * Period-by-period simulation of one item's stock under an {@link OrderRule} and a demand path (DECISIONS §4,
 * realised cost). Reviews take place in periods {@code 0, R, 2R, …} of the window; an order placed in period
 * {@code t} arrives at the start of {@code t + L}. Each period charges {@code h·(on hand at the end)} plus
 * {@code p·(units lost)} under lost sales or {@code p·(units owed at the end)} under backorders. Purchase
 * cost of sold units is the same for every policy and is left out.
 */
public final class InventorySimulation {
    private final Tradeoff tradeoff;

    /** Uses the tradeoff's holding and shortage costs, unmet-demand rule, lead time and review period. */
    public InventorySimulation(Tradeoff tradeoff) {
        if (tradeoff == null) throw new IllegalArgumentException("inventory simulation: tradeoff is missing");
        this.tradeoff = tradeoff;
    }

    /** Runs the rule over every period of {@code demand} from {@code start}. */
    public InventoryPath run(InventoryState start, double[] demand, OrderRule rule) {
        Stock stock = new Stock(tradeoff, start);
        List<PeriodOutcome> periods = new ArrayList<>(demand.length);
        for (int t = 0; t < demand.length; t++) {
            int period = t;
            periods.add(stock.step(t, demand[t], (review, ip) -> rule.quantity(review, period, ip)));
        }
        return new InventoryPath(periods, stock.state());
    }
}
