package keel.forecast.intermittent;

import keel.forecast.Forecast;
import keel.forecast.smoothing.ExponentialSmoothing;

/**
 * ADIDA (one aggregation level) and IMAPA (the mean over levels 1..k); see
 * {@link Intermittent#adida()}. Follows statsforecast's {@code chunk_forecast}.
 */
final class AggregateForecaster extends IntermittentForecaster {
    static final double LOWER = 0.1;
    static final double UPPER = 0.3;
    static final double TOLERANCE = 1e-12;
    private final boolean allLevels;

    AggregateForecaster(String name, boolean allLevels) {
        super(name);
        this.allLevels = allLevels;
    }

    @Override
    double point(double[] y, Forecast.Builder builder) {
        int count = demandCount(y);
        int lastDemand = y.length - 1;
        while (y[lastDemand] == 0) {
            lastDemand--;
        }
        // the intervals sum to the 1-based index of the last demand
        double meanInterval = (lastDemand + 1.0) / count;
        int k = Math.max(1, (int) Math.rint(meanInterval));
        double[] sums = new double[y.length];
        double f;
        if (allLevels) {
            double total = 0;
            for (int level = 1; level <= k; level++) {
                total += blockForecast(y, level, sums) / level;
            }
            f = total / k;
        } else {
            f = blockForecast(y, k, sums) / k;
        }
        builder.parameter("aggregation", k).parameter("meanInterval", meanInterval)
                .description(name() + ": " + (allLevels ? "blocks of 1 to " : "blocks of ") + k
                        + " periods (mean demand interval " + num(meanInterval) + "), SES on block sums");
        return f;
    }

    /** The SES forecast of the next sum of {@code k} periods; {@code sums} is scratch space. */
    static double blockForecast(double[] y, int k, double[] sums) {
        int n = y.length;
        int lost = n % k;
        int blocks = (n - lost) / k;
        if (blocks == 0) {
            return y[n - 1];
        }
        for (int i = 0; i < blocks; i++) {
            double s = 0;
            int base = lost + i * k;
            for (int j = 0; j < k; j++) {
                s += y[base + j];
            }
            sums[i] = s;
        }
        if (blocks == 1) {
            return sums[0];
        }
        double alpha = ExponentialSmoothing.optimalAlpha(sums, 0, blocks, LOWER, UPPER, TOLERANCE);
        return ExponentialSmoothing.level(sums, 0, blocks, alpha);
    }
}
