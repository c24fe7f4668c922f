package keel.forecast.m4;

import keel.forecast.ClassicalDecomposition;

/**
 * The M4 benchmarks' seasonal adjustment: if {@link SeasonalityTest} finds seasonality, divide by
 * the multiplicative classical decomposition indices; forecasts are multiplied back by the indices
 * of the last m observations, repeated.
 *
 * @param seasonal whether the test found seasonality
 * @param adjusted the seasonally adjusted series (the series itself when not seasonal)
 * @param indices the index per cycle position (element i belongs to observations i, i+m, ...); all
 *     1 when not seasonal
 */
public record SeasonalAdjustment(boolean seasonal, double[] adjusted, double[] indices) {

    public SeasonalAdjustment {
        adjusted = adjusted.clone();
        indices = indices.clone();
    }

    /** Runs the test and, when seasonal, the decomposition. */
    public static SeasonalAdjustment of(double[] y, int m) {
        if (!SeasonalityTest.isSeasonal(y, m)) {
            double[] ones = new double[Math.max(m, 1)];
            java.util.Arrays.fill(ones, 1.0);
            return new SeasonalAdjustment(false, y, ones);
        }
        double[] figure = ClassicalDecomposition.seasonalIndices(y, m, true);
        double[] adjusted = new double[y.length];
        for (int t = 0; t < y.length; t++) adjusted[t] = y[t] / figure[t % m];
        return new SeasonalAdjustment(true, adjusted, figure);
    }

    /** The indices for the h steps after n observations: index of observation n+1, n+2, .... */
    public double[] outOfSample(int n, int h) {
        int m = indices.length;
        double[] out = new double[h];
        for (int i = 0; i < h; i++) out[i] = indices[(n + i) % m];
        return out;
    }

    @Override
    public double[] adjusted() {
        return adjusted.clone();
    }

    @Override
    public double[] indices() {
        return indices.clone();
    }
}
