package keel.forecast;

/**
 * Classical seasonal decomposition by moving averages, computed exactly as R's
 * {@code stats::decompose}: a centred moving average of order m (2×m for even m) as the trend,
 * detrended values y − trend (additive) or y / trend (multiplicative), the mean detrended value per
 * cycle position counted from the first observation (missing values ignored), normalised to sum 0
 * (additive) or to mean 1 (multiplicative). Kendall &amp; Stuart (1983) §46; R {@code decompose}.
 */
public final class ClassicalDecomposition {
    private ClassicalDecomposition() {}

    /**
     * The seasonal index ("figure") per cycle position: element i belongs to observations i, i+m,
     * i+2m, ... (zero-based). Returns NaN entries when a position has no detrended value.
     *
     * @throws IllegalArgumentException if m &lt; 2 or the series is shorter than 2m
     */
    public static double[] seasonalIndices(double[] y, int m, boolean multiplicative) {
        if (m < 2 || y.length < 2 * m) {
            throw new IllegalArgumentException("decomposition needs seasonal period >= 2 and at least two cycles; got m="
                    + m + ", n=" + y.length);
        }
        double[] trend = centredMovingAverage(y, m);
        double[] sum = new double[m];
        int[] count = new int[m];
        for (int t = 0; t < y.length; t++) {
            double detrended = multiplicative ? y[t] / trend[t] : y[t] - trend[t];
            if (Double.isNaN(detrended)) continue;
            sum[t % m] += detrended;
            count[t % m]++;
        }
        double[] figure = new double[m];
        double total = 0;
        for (int i = 0; i < m; i++) {
            figure[i] = sum[i] / count[i];
            total += figure[i];
        }
        double mean = total / m;
        for (int i = 0; i < m; i++) {
            figure[i] = multiplicative ? figure[i] / mean : figure[i] - mean;
        }
        return figure;
    }

    /**
     * The centred moving average of order m as R's {@code filter(x, f, sides = 2)}: weights 1/m,
     * or (½, 1, ..., 1, ½)/m for even m; NaN where the window leaves the series or holds a NaN.
     */
    public static double[] centredMovingAverage(double[] y, int m) {
        int n = y.length;
        double[] trend = new double[n];
        int half = m / 2;
        boolean even = m % 2 == 0;
        for (int t = 0; t < n; t++) {
            if (t - half < 0 || t + half >= n) {
                trend[t] = Double.NaN;
                continue;
            }
            double s = 0;
            if (even) {
                s = 0.5 * (y[t - half] + y[t + half]);
                for (int k = -half + 1; k < half; k++) s += y[t + k];
            } else {
                for (int k = -half; k <= half; k++) s += y[t + k];
            }
            trend[t] = s / m;
        }
        return trend;
    }
}
