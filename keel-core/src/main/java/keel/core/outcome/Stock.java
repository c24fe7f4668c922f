package keel.core.outcome;

import java.util.Arrays;
import keel.core.policy.Tradeoff;
import keel.core.policy.UnmetDemand;

/**
 * The mutable period-by-period stock of one item (DECISIONS §4). Timing: at the start of period {@code t} the
 * arrivals due are received; at a review the order is placed (it arrives at the start of {@code t + L}, so
 * with {@code L = 0} it serves this period); then demand is served, first the backlog; then holding
 * {@code h·I_{t+1}} and shortage {@code p·lost} (or {@code p·backlog}) are charged.
 */
final class Stock {
    private static final double SAME = 1e-9;

    private final Tradeoff tradeoff;
    private double onHand;
    private double backlog;
    /** pipe[i]: units arriving at the start of the period i periods from the current one. */
    private double[] pipe;

    Stock(Tradeoff tradeoff, InventoryState start) {
        this.tradeoff = tradeoff;
        this.onHand = start.onHand();
        this.backlog = start.backlog();
        double[] arrivals = start.arrivals();
        this.pipe = Arrays.copyOf(arrivals, Math.max(arrivals.length, tradeoff.leadTime() + 1));
    }

    Stock copy() {
        Stock s = new Stock(tradeoff, InventoryState.empty());
        s.onHand = onHand;
        s.backlog = backlog;
        s.pipe = pipe.clone();
        return s;
    }

    InventoryState state() {
        return new InventoryState(onHand, backlog, pipe);
    }

    double inventoryPosition() {
        double ip = onHand - backlog;
        for (double a : pipe) ip += a;
        return ip;
    }

    boolean sameAs(Stock other) {
        if (Math.abs(onHand - other.onHand) > SAME || Math.abs(backlog - other.backlog) > SAME) return false;
        for (int i = 0; i < Math.max(pipe.length, other.pipe.length); i++) {
            double a = i < pipe.length ? pipe[i] : 0;
            double b = i < other.pipe.length ? other.pipe[i] : 0;
            if (Math.abs(a - b) > SAME) return false;
        }
        return true;
    }

    /** One period; {@code order} is called only at reviews and gets the position before ordering. */
    PeriodOutcome step(int period, double demand, QuantityAtReview order) {
        if (!(demand >= 0) || !Double.isFinite(demand)) {
            throw new IllegalArgumentException("period " + period + ": demand was " + demand + "; expected units >= 0");
        }
        double arrived = pipe[0];
        System.arraycopy(pipe, 1, pipe, 0, pipe.length - 1);
        pipe[pipe.length - 1] = 0;
        onHand += arrived;
        double position = inventoryPosition();
        double q = 0;
        if (period % tradeoff.reviewPeriod() == 0) {
            q = order.quantity(period / tradeoff.reviewPeriod(), position);
            if (!(q >= 0) || !Double.isFinite(q)) throw new IllegalArgumentException("period " + period + ": order was " + q + "; expected >= 0");
            if (tradeoff.leadTime() == 0) onHand += q; else pipe[tradeoff.leadTime() - 1] += q;
        }
        return serve(period, position, q, arrived, demand);
    }

    private PeriodOutcome serve(int period, double position, double ordered, double arrived, double demand) {
        double sales;
        double lost = 0;
        double shortage;
        if (tradeoff.unmetDemand() == UnmetDemand.BACKORDERS) {
            double owed = backlog + demand;
            sales = Math.min(onHand, owed);
            backlog = owed - sales;
            shortage = tradeoff.shortageCost() * backlog;
        } else {
            sales = Math.min(onHand, demand);
            lost = demand - sales;
            shortage = tradeoff.shortageCost() * lost;
        }
        onHand -= sales;
        return new PeriodOutcome(period, position, ordered, arrived, demand, sales, lost, backlog, onHand,
                tradeoff.holdingCost() * onHand, shortage);
    }

    @FunctionalInterface
    interface QuantityAtReview {
        double quantity(int review, double inventoryPosition);
    }
}
