package keel.forecast.intermittent;

import keel.forecast.Distributions;
import keel.forecast.Forecast;
import keel.forecast.ForecastException;
import keel.forecast.ForecastInputs;
import keel.forecast.Forecaster;
import keel.forecast.Series;

/**
 * What the intermittent methods share: dropping missing periods, the no-demand case, the floor at
 * zero and the quantiles (see {@link Intermittent}). Subclasses compute one flat point forecast.
 */
abstract class IntermittentForecaster implements Forecaster {
    private final String name;

    IntermittentForecaster(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    /**
     * The flat forecast of {@code y} (observed periods only, at least one demand), recording the
     * fitted parameters on {@code builder}.
     */
    abstract double point(double[] y, Forecast.Builder builder);

    @Override
    public final Forecast forecast(Series series, int horizon, double[] levels) {
        double[] y = ForecastInputs.present(ForecastInputs.checkedValues(series, horizon, levels));
        if (y.length == 0) {
            throw new ForecastException(series.id(), "has no observed values; " + name + " needs at least 1");
        }
        Forecast.Builder b = Forecast.builder(series.id(), name);
        double f;
        if (firstDemand(y) < 0) {
            f = 0;
            b.description(name + ": no demand in " + y.length + " observed periods, forecast 0");
        } else {
            f = Math.max(0, point(y, b));
        }
        double[] mean = ForecastInputs.flat(f, horizon);
        b.mean(mean);
        if (levels.length > 0) {
            b.quantiles(levels, quantiles(y, f, horizon, levels));
        }
        return b.build();
    }

    private static double[][] quantiles(double[] y, double f, int horizon, double[] levels) {
        double sse = 0;
        for (double v : y) {
            sse += (v - f) * (v - f);
        }
        double[] row = new double[levels.length];
        Distributions.momentQuantiles(f, sse / y.length, ForecastInputs.isCounts(y), levels, row);
        double[][] q = new double[levels.length][horizon];
        for (int i = 0; i < levels.length; i++) {
            java.util.Arrays.fill(q[i], Math.max(0, row[i]));
        }
        return q;
    }

    /** Index of the first non-zero value, or -1. */
    static int firstDemand(double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0) {
                return i;
            }
        }
        return -1;
    }

    /** Number of non-zero values. */
    static int demandCount(double[] y) {
        int count = 0;
        for (double v : y) {
            if (v != 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * Fills {@code sizes} with the non-zero values and {@code intervals} with the periods since the
     * previous demand (the first counted from the series start, 1-based).
     */
    static void sizesAndIntervals(double[] y, double[] sizes, double[] intervals) {
        int j = 0;
        int previous = 0;
        for (int t = 0; t < y.length; t++) {
            if (y[t] != 0) {
                sizes[j] = y[t];
                intervals[j] = t + 1 - previous;
                previous = t + 1;
                j++;
            }
        }
    }

    static String num(double value) {
        return ForecastInputs.shortNumber(value);
    }
}
