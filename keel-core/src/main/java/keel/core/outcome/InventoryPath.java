package keel.core.outcome;

import java.util.List;

/** The periods of one simulated or replayed inventory path, in order, and the state after the last. */
public record InventoryPath(List<PeriodOutcome> periods, InventoryState end) {
    public InventoryPath {
        periods = List.copyOf(periods);
        if (end == null) throw new IllegalArgumentException("inventory path: end state is missing");
    }

    /** Holding plus shortage cost over all periods, money. */
    public double totalCost() {
        return periods.stream().mapToDouble(PeriodOutcome::cost).sum();
    }

    /** Cost over periods {@code from} (inclusive) to {@code to} (exclusive) of the window. */
    public double cost(int from, int to) {
        double sum = 0;
        for (PeriodOutcome p : periods) {
            if (p.period() >= from && p.period() < to) sum += p.cost();
        }
        return sum;
    }

    /** Mean cost per period; 0 for an empty path. */
    public double costPerPeriod() {
        return periods.isEmpty() ? 0 : totalCost() / periods.size();
    }

    public double totalLost() {
        return periods.stream().mapToDouble(PeriodOutcome::lost).sum();
    }

    public double totalDemand() {
        return periods.stream().mapToDouble(PeriodOutcome::demand).sum();
    }
}
