package keel.forecast;

/** The ordinary least-squares line of a series on its time index t = 1..n. */
public final class LinearTrend {
    private LinearTrend() {
    }

    /**
     * OLS intercept and slope of {@code y} on t = 1..n (no missing values).
     *
     * @return {intercept, slope}; the slope is NaN for fewer than two observations
     */
    public static double[] fit(double[] y) {
        int n = y.length;
        double tMean = (n + 1) / 2.0;
        double yMean = 0;
        for (double v : y) yMean += v;
        yMean /= n;
        double sxy = 0;
        double sxx = 0;
        for (int t = 0; t < n; t++) {
            double dt = t + 1 - tMean;
            sxy += dt * (y[t] - yMean);
            sxx += dt * dt;
        }
        double b = sxy / sxx;
        return new double[] {yMean - b * tMean, b};
    }
}
