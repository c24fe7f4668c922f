package keel.core.policy;

/**
 * The naive baseline of DECISIONS §4(c): order up to the naive (e.g. seasonal-naive) forecast of demand over
 * {@code R + L} plus a fixed safety share, rounded up to the feasible set. Declared per decision type; it is
 * what the system's value is measured against ({@code system value = cost(naive) − cost(system)}).
 *
 * @param safetyShare extra stock as a share of the naive forecast, {@code >= 0} (0.2 = 20 % more)
 */
public record NaivePolicy(double safetyShare) {
    public NaivePolicy {
        if (!(safetyShare >= 0) || !Double.isFinite(safetyShare)) {
            throw new IllegalArgumentException("naive policy: safetyShare was " + safetyShare
                    + "; expected a finite share >= 0, e.g. 0.2");
        }
    }

    /** {@code max(0, naiveTotal·(1 + safetyShare) − IP)} rounded up to a feasible order. */
    public long quantity(Tradeoff tradeoff, double naiveForecastTotal, double inventoryPosition) {
        return tradeoff.feasibleAtOrAbove(naiveForecastTotal * (1 + safetyShare) - inventoryPosition);
    }
}
