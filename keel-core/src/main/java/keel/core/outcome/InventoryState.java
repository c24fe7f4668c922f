package keel.core.outcome;

import java.util.Arrays;

/**
 * Stock of one item at the start of a period, before that period's arrivals.
 *
 * @param onHand   units on the shelf, {@code >= 0}
 * @param backlog  units owed to customers (backorders only), {@code >= 0}
 * @param arrivals units already ordered, by the period they arrive: {@code arrivals[i]} arrives at the start
 *                 of the period {@code i} periods from now ({@code i = 0} is this period); copied
 */
public record InventoryState(double onHand, double backlog, double[] arrivals) {
    public InventoryState {
        if (!(onHand >= 0) || !(backlog >= 0) || !Double.isFinite(onHand) || !Double.isFinite(backlog)) {
            throw new IllegalArgumentException("inventory state: on hand " + onHand + ", backlog " + backlog
                    + "; expected finite units >= 0");
        }
        arrivals = arrivals.clone();
        for (int i = 0; i < arrivals.length; i++) {
            if (!(arrivals[i] >= 0)) {
                throw new IllegalArgumentException("inventory state: arrivals[" + i + "] was " + arrivals[i]
                        + "; expected units >= 0");
            }
        }
    }

    /** No stock, nothing owed, nothing on order. */
    public static InventoryState empty() {
        return new InventoryState(0, 0, new double[0]);
    }

    /** {@code on hand + pipeline − backlog}. */
    public double inventoryPosition() {
        double ip = onHand - backlog;
        for (double a : arrivals) ip += a;
        return ip;
    }

    @Override
    public double[] arrivals() {
        return arrivals.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InventoryState s && s.onHand == onHand && s.backlog == backlog
                && Arrays.equals(s.arrivals, arrivals);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(onHand) * 31 + Double.hashCode(backlog) * 17 + Arrays.hashCode(arrivals);
    }

    @Override
    public String toString() {
        return "InventoryState[onHand=" + onHand + ", backlog=" + backlog + ", arrivals="
                + Arrays.toString(arrivals) + "]";
    }
}
