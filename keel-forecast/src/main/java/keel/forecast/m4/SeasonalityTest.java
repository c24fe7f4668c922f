package keel.forecast.m4;

/**
 * The M4 organisers' seasonality test ({@code SeasonalityTest} in M4-methods
 * {@code Benchmarks and Evaluation.R}): a 90% one-sided test on the autocorrelation at lag m with
 * Bartlett's standard error, run only when m &gt; 1 and n ≥ 3m.
 */
public final class SeasonalityTest {
    private static final double CRITICAL = 1.645;

    private SeasonalityTest() {}

    /**
     * True when |r_m| &gt; 1.645/√n · √(1 + 2Σ_{k=1}^{m−1} r_k²). As in R's {@code acf}, lags go up
     * to ⌊10·log10 n⌋; when m lies beyond that the answer is false (R gets NA there).
     */
    public static boolean isSeasonal(double[] y, int m) {
        int n = y.length;
        if (m <= 1 || n < 3 * m) return false;
        int maxLag = Math.min((int) Math.floor(10 * Math.log10(n)), n - 1);
        if (m > maxLag) return false;
        double[] r = autocorrelations(y, m);
        double sum = 1;
        for (int k = 1; k < m; k++) sum += 2 * r[k] * r[k];
        double limit = CRITICAL / Math.sqrt(n) * Math.sqrt(sum);
        return Math.abs(r[m]) > limit;
    }

    /** Sample autocorrelations r_0..r_maxLag as R's {@code acf} (demeaned, divided by n·c_0). */
    public static double[] autocorrelations(double[] y, int maxLag) {
        int n = y.length;
        double mean = 0;
        for (double v : y) mean += v;
        mean /= n;
        double c0 = 0;
        for (double v : y) c0 += (v - mean) * (v - mean);
        double[] r = new double[maxLag + 1];
        for (int k = 0; k <= maxLag; k++) {
            double c = 0;
            for (int t = 0; t + k < n; t++) c += (y[t] - mean) * (y[t + k] - mean);
            r[k] = c / c0;
        }
        return r;
    }
}
