package keel.core.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import keel.core.policy.Tradeoff;

/**
 * Target-level replay for Decision Value Added (DECISIONS §4, "Recommended").
 *
 * <p>Each executed review {@code t'} recorded a target {@code y_{t'} = IP_{t'} + Q_{t'}}. To score an
 * alternative quantity at review {@code t}: start from the actual state at {@code t}, order the alternative,
 * replay actual demand; each later review orders {@code max(0, y_{t'} − IP'_{t'})} rounded up to the feasible
 * set (later decisions keep their targets, not their quantities). Stop when the two stock states coincide
 * (on hand, backlog and pipeline: then every later cost is equal, which is stricter than equal positions),
 * or after {@code H = 4(R + L)} periods, or at the end of the data; when not merged the path holding more
 * stock is charged {@code h·|ΔIP|} once. The cost difference over that span is the decision's attribution.
 *
 * <p>Assumptions, to show with the result: demand is exogenous (availability does not change later demand;
 * under stockouts pass an upper-bound demand as a second replay to get the range), later decisions would have
 * aimed at the same targets, costs are linear, items do not share capacity.
 *
 * <p>The constructor replays the recorded quantities from the start state and refuses a history whose
 * recorded positions it cannot reproduce, so the actual path is the ledger's history exactly.
 */
public final class TargetReplay {
    private static final double TOLERANCE = 1e-6;

    private final Tradeoff tradeoff;
    private final double[] demand;
    private final List<RecordedReview> reviews;
    private final InventoryPath actual;
    private final List<Stock> statesAtStart;

    /**
     * @param tradeoff costs, unmet-demand rule, lead time L and review period R of the decision type
     * @param start    stock at the start of period 0 of the window
     * @param demand   actual demand per period of the window
     * @param reviews  the executed reviews in order, the {@code i}-th in period {@code i·R}
     */
    public TargetReplay(Tradeoff tradeoff, InventoryState start, double[] demand, List<RecordedReview> reviews) {
        this.tradeoff = tradeoff;
        this.demand = demand.clone();
        this.reviews = List.copyOf(reviews);
        for (int i = 0; i < this.reviews.size(); i++) {
            int expected = i * tradeoff.reviewPeriod();
            if (this.reviews.get(i).period() != expected) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "target replay: review %d is in period %d; expected period %d (review period %d)",
                        i, this.reviews.get(i).period(), expected, tradeoff.reviewPeriod()));
            }
        }
        Stock stock = new Stock(tradeoff, start);
        this.statesAtStart = new ArrayList<>(demand.length + 1);
        List<PeriodOutcome> periods = new ArrayList<>(demand.length);
        for (int t = 0; t < demand.length; t++) {
            statesAtStart.add(stock.copy());
            periods.add(stock.step(t, demand[t], this::recorded));
        }
        statesAtStart.add(stock.copy());
        this.actual = new InventoryPath(periods, stock.state());
    }

    private double recorded(int review, double position) {
        if (review >= reviews.size()) return 0;
        RecordedReview r = reviews.get(review);
        if (Math.abs(r.inventoryPosition() - position) > TOLERANCE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "target replay: review %d (period %d) recorded inventory position %s but replaying the "
                            + "recorded orders and demand from the start state gives %s; expected them to agree",
                    review, r.period(), r.inventoryPosition(), position));
        }
        return r.quantity();
    }

    /** The actual path: recorded orders against actual demand, reproducing the recorded positions. */
    public InventoryPath actual() {
        return actual;
    }

    /** The review's attribution if {@code alternativeQuantity} had been ordered instead. */
    public ReplayResult replay(int review, double alternativeQuantity) {
        return replay(review, alternativeQuantity, true);
    }

    ReplayResult replay(int review, double alternativeQuantity, boolean stopWhenMerged) {
        if (review < 0 || review >= reviews.size() || !(alternativeQuantity >= 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "target replay: review %d with quantity %s; expected a review in 0..%d and a quantity >= 0",
                    review, alternativeQuantity, reviews.size() - 1));
        }
        int from = reviews.get(review).period();
        int end = Math.min(demand.length, from + 4 * tradeoff.protectionInterval());
        Stock alternative = statesAtStart.get(from).copy();
        List<PeriodOutcome> periods = new ArrayList<>();
        boolean merged = false;
        int t = from;
        while (t < end && !merged) {
            periods.add(alternative.step(t, demand[t], (r, ip) -> r == review ? alternativeQuantity : keepTarget(r, ip)));
            t++;
            merged = stopWhenMerged && alternative.sameAs(statesAtStart.get(t));
        }
        double actualCost = actual.cost(from, t);
        double alternativeCost = periods.stream().mapToDouble(PeriodOutcome::cost).sum();
        double terminal = 0;
        if (!merged) {
            double gap = alternative.inventoryPosition() - statesAtStart.get(t).inventoryPosition();
            terminal = tradeoff.holdingCost() * Math.abs(gap);
            if (gap > 0) alternativeCost += terminal; else actualCost += terminal;
        }
        return new ReplayResult(review, reviews.get(review).quantity(), alternativeQuantity, from, t - from, merged,
                actualCost, alternativeCost, terminal, periods);
    }

    private double keepTarget(int review, double position) {
        if (review >= reviews.size()) return 0;
        return tradeoff.feasibleAtOrAbove(reviews.get(review).target() - position);
    }
}
