package keel.forecast.smoothing;

import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.ForecastInputs;
import keel.forecast.Forecaster;
import keel.forecast.Series;

/** Simple exponential smoothing with an optimised α; see {@link Smoothing#ses()}. */
final class SesForecaster implements Forecaster {
    static final double LOWER = 0.01;
    static final double UPPER = 0.99;
    static final double TOLERANCE = 1e-4;

    @Override
    public String name() {
        return "ses";
    }

    @Override
    public Forecast forecast(Series series, int horizon, double[] levels) {
        double[] y = ForecastInputs.checkedValues(series, horizon, levels);
        int present = ForecastInputs.countPresent(y);
        if (present < 2) {
            throw new ForecastException(series.id(), "has " + present + " observed values; ses needs at least 2");
        }
        double alpha = ExponentialSmoothing.brentAlpha(y, 0, y.length, LOWER, UPPER, TOLERANCE);
        double level = ExponentialSmoothing.level(y, 0, y.length, alpha);
        double[] mean = ForecastInputs.flat(level, horizon);
        Forecast.Builder b = Forecast.builder(series.id(), "ses").mean(mean)
                .parameter("alpha", alpha).parameter("level", level)
                .description("ses: alpha " + ForecastInputs.shortNumber(alpha)
                        + " minimising the one-step squared error, level " + ForecastInputs.shortNumber(level));
        if (levels.length > 0) {
            if (present < 3) {
                throw new ForecastException(series.id(), "has 2 observed values; ses needs 3 for quantiles");
            }
            double sigma2 = ExponentialSmoothing.sse(y, 0, y.length, alpha) / (present - 2);
            int gap = trailingMissing(y);
            double[] sd = new double[horizon];
            for (int h = 0; h < horizon; h++) {
                sd[h] = Math.sqrt(sigma2 * (1 + (h + gap) * alpha * alpha));
            }
            double[] total = new double[levels.length];
            keel.forecast.Distributions.normalQuantiles(horizon * level,
                    Math.sqrt(sigma2 * ForecastInputs.levelTotalWeights(horizon, gap, alpha)), levels, total);
            b.totalQuantiles(total);
            b.quantiles(levels, ForecastInputs.normalQuantiles(mean, sd, levels))
                    .parameter("sigma", Math.sqrt(sigma2));
        }
        return b.build();
    }

    private static int trailingMissing(double[] y) {
        int gap = 0;
        for (int i = y.length - 1; i >= 0 && y[i] != y[i]; i--) {
            gap++;
        }
        return gap;
    }
}
