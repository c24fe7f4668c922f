package keel.forecast.intermittent;

import keel.forecast.Forecast;
import keel.forecast.smoothing.ExponentialSmoothing;

/** Croston (factor 1) and SBA (factor 1 − α/2); see {@link Intermittent#croston()}. */
final class CrostonForecaster extends IntermittentForecaster {
    private final double factor;

    CrostonForecaster(String name, double factor) {
        super(name);
        this.factor = factor;
    }

    @Override
    double point(double[] y, Forecast.Builder builder) {
        int count = demandCount(y);
        double[] sizes = new double[count];
        double[] intervals = new double[count];
        sizesAndIntervals(y, sizes, intervals);
        double alpha = Intermittent.CROSTON_ALPHA;
        double size = ExponentialSmoothing.level(sizes, 0, count, alpha);
        double interval = ExponentialSmoothing.level(intervals, 0, count, alpha);
        double f = factor * (interval != 0 ? size / interval : size);
        builder.parameter("alpha", alpha).parameter("size", size).parameter("interval", interval)
                .description(name() + ": demand size " + num(size) + " every " + num(interval) + " periods (alpha "
                        + alpha + (factor == 1 ? ")" : "), times " + factor + " for bias"));
        return f;
    }
}
