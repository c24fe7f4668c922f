package keel.forecast.intermittent;

import keel.forecast.Forecast;
import keel.forecast.smoothing.ExponentialSmoothing;

/** Teunter–Syntetos–Babai; see {@link Intermittent#tsb(double, double)}. */
final class TsbForecaster extends IntermittentForecaster {
    private final double alphaDemand;
    private final double alphaProbability;

    TsbForecaster(double alphaDemand, double alphaProbability) {
        super("tsb");
        if (!(alphaDemand > 0 && alphaDemand <= 1) || !(alphaProbability > 0 && alphaProbability <= 1)) {
            throw new IllegalArgumentException("tsb: alphaDemand was " + alphaDemand + " and alphaProbability "
                    + alphaProbability + "; expected both in (0, 1]");
        }
        this.alphaDemand = alphaDemand;
        this.alphaProbability = alphaProbability;
    }

    @Override
    double point(double[] y, Forecast.Builder builder) {
        int count = demandCount(y);
        double[] sizes = new double[count];
        double[] intervals = new double[count];
        sizesAndIntervals(y, sizes, intervals);
        double size = ExponentialSmoothing.level(sizes, 0, count, alphaDemand);
        double probability = y[0] != 0 ? 1 : 0;
        double complement = 1 - alphaProbability;
        for (int t = 1; t < y.length; t++) {
            probability = alphaProbability * (y[t] != 0 ? 1 : 0) + complement * probability;
        }
        builder.parameter("alphaDemand", alphaDemand).parameter("alphaProbability", alphaProbability)
                .parameter("size", size).parameter("probability", probability)
                .description("tsb: demand size " + num(size) + " with probability " + num(probability)
                        + " per period (alphas " + alphaDemand + ", " + alphaProbability + ")");
        return probability * size;
    }
}
