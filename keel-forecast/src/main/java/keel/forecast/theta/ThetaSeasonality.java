package keel.forecast.theta;

import keel.forecast.ClassicalDecomposition;
import keel.forecast.m4.SeasonalityTest;

/**
 * Seasonal adjustment before a Theta fit, as statsforecast's Theta models do it: when m ≥ 4 and n ≥
 * 2m, a 90% ACF test at lag m (|r_m| &gt; 1.645·√((1 + 2Σ_{k&lt;m} r_k²)/n)); if seasonal, classical
 * decomposition, multiplicative unless the data has values ≤ 0 or an index below 0.01, then
 * additive. Forecasts take the indices that continue the last cycle.
 */
final class ThetaSeasonality {
    /** qnorm(0.95), the critical value R's thetaf uses. */
    static final double Z_95 = 1.6448536269514722;
    final boolean seasonal;
    final boolean multiplicative;
    final double[] indices;
    final double[] adjusted;

    private ThetaSeasonality(boolean seasonal, boolean multiplicative, double[] indices, double[] adjusted) {
        this.seasonal = seasonal;
        this.multiplicative = multiplicative;
        this.indices = indices;
        this.adjusted = adjusted;
    }

    static ThetaSeasonality of(double[] y, int m, int minPeriod, int minCycles) {
        int n = y.length;
        if (m < minPeriod || n < minCycles * m || !acfSeasonal(y, m)) {
            return new ThetaSeasonality(false, true, null, y);
        }
        boolean positive = true;
        for (double v : y) if (v <= 0) positive = false;
        boolean multiplicative = positive;
        double[] figure = null;
        if (multiplicative) {
            figure = ClassicalDecomposition.seasonalIndices(y, m, true);
            for (double f : figure) if (f < 0.01) multiplicative = false;
        }
        if (!multiplicative) figure = ClassicalDecomposition.seasonalIndices(y, m, false);
        double[] adjusted = new double[n];
        for (int t = 0; t < n; t++) adjusted[t] = multiplicative ? y[t] / figure[t % m] : y[t] - figure[t % m];
        return new ThetaSeasonality(true, multiplicative, figure, adjusted);
    }

    /** |r_m| &gt; 1.645·√((1 + 2Σ_{k&lt;m} r_k²)/n), the test of R's thetaf and statsforecast. */
    static boolean acfSeasonal(double[] y, int m) {
        double[] r = SeasonalityTest.autocorrelations(y, m);
        if (Double.isNaN(r[m])) return false;
        double sum = 1;
        for (int k = 1; k < m; k++) sum += 2 * r[k] * r[k];
        return Math.abs(r[m]) > Z_95 * Math.sqrt(sum / y.length);
    }

    /** Puts the season back into adjusted values for steps after n observations. */
    double reseasonalise(double value, int n, int step) {
        if (!seasonal) return value;
        double index = indices[(n + step) % indices.length];
        return multiplicative ? value * index : value + index;
    }
}
