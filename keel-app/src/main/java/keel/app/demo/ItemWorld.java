package keel.app.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import keel.core.outcome.InventoryPath;
import keel.core.outcome.InventorySimulation;
import keel.core.outcome.InventoryState;
import keel.core.outcome.OrderRule;
import keel.core.outcome.RecordedReview;
import keel.core.policy.Tradeoff;

/**
 * One item's simulated stock in the demo, and the decisions taken on it. The stock is always
 * recomputed from the start state and the recorded final orders with keel-core's own
 * {@link InventorySimulation}, so the decision history and the stock can never disagree.
 */
final class ItemWorld {
    final String item;
    /** Window period of this item's first decision. */
    final int firstPeriod;
    final InventoryState start;
    final Tradeoff tradeoff;
    final List<String> recommendationIds = new ArrayList<>();
    final List<Double> positions = new ArrayList<>();
    final List<Double> finals = new ArrayList<>();
    final List<Double> systemQuantities = new ArrayList<>();
    final List<Double> systemTargets = new ArrayList<>();
    final List<Double> naiveQuantities = new ArrayList<>();
    final List<Double> naiveTargets = new ArrayList<>();
    final List<Double> forecastTotals = new ArrayList<>();
    /** Per decision: the quantile levels and values of demand over the protection interval (empty for fallbacks). */
    final List<double[][]> demandQuantiles = new ArrayList<>();
    final List<Double> naiveForecastTotals = new ArrayList<>();
    final List<String> reviewers = new ArrayList<>();
    final List<String> reasons = new ArrayList<>();
    int scored;

    ItemWorld(String item, int firstPeriod, InventoryState start, Tradeoff tradeoff) {
        this.item = item;
        this.firstPeriod = firstPeriod;
        this.start = start;
        this.tradeoff = tradeoff;
    }

    /** Demand of this item's own periods, from its first decision up to window period {@code end} (exclusive). */
    double[] demand(double[] window, int end) {
        double[] d = Arrays.copyOfRange(window, firstPeriod, end);
        for (int i = 0; i < d.length; i++) if (!(d[i] >= 0)) d[i] = 0;
        return d;
    }

    /** The stock at the start of window period {@code period}, before its arrivals. */
    InventoryState stateAt(int period, double[] window) {
        if (period <= firstPeriod) return start;
        double[] d = demand(window, period);
        InventoryPath path = new InventorySimulation(tradeoff).run(start, d, OrderRule.quantities(finalsArray(d.length)));
        return path.end();
    }

    /** The inventory position at the review of window period {@code period} (after its arrivals). */
    double positionAt(int period, double[] window) {
        InventoryState s = stateAt(period, window);
        return s.inventoryPosition();
    }

    double[] finalsArray(int n) {
        double[] out = new double[n];
        for (int i = 0; i < n && i < finals.size(); i++) out[i] = finals.get(i);
        return out;
    }

    List<RecordedReview> reviews(int upTo) {
        List<RecordedReview> out = new ArrayList<>();
        for (int i = 0; i < upTo && i < finals.size(); i++) out.add(new RecordedReview(i, positions.get(i), finals.get(i)));
        return out;
    }

    static double[] array(List<Double> values, int n) {
        double[] out = new double[n];
        for (int i = 0; i < n && i < values.size(); i++) out[i] = values.get(i);
        return out;
    }
}
